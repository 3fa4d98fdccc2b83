# Runs the portal fuzzer for a bounded time: cmake -DFUZZER=... -DSEEDS=dir -DDICTIONARY=file -DWORK=dir
# [-DSECONDS=n] -P run_fuzzer.cmake. Without SECONDS, the FUZZ_SECONDS environment variable (default 600).
# New inputs go to WORK/corpus, never into the seed folder; a crash leaves WORK/crash-* to replay with
# `FUZZER WORK/crash-...`. Fails on any crash, leak, UBSan report or timeout.
if(NOT SECONDS)
  if(DEFINED ENV{FUZZ_SECONDS})
    set(SECONDS $ENV{FUZZ_SECONDS})
  else()
    set(SECONDS 600)
  endif()
endif()
if(NOT SECONDS MATCHES "^[1-9][0-9]*$")
  message(FATAL_ERROR "FUZZ_SECONDS: expected a whole number of seconds, not \"${SECONDS}\"")
endif()
if(NOT EXISTS ${FUZZER})
  message(FATAL_ERROR "${FUZZER} is missing: build the badgeuse_fuzzer_build target first")
endif()

file(MAKE_DIRECTORY ${WORK}/corpus)
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=1:symbolize=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -max_len=8192
          -dict=${DICTIONARY} -artifact_prefix=${WORK}/ -print_final_stats=1 ${WORK}/corpus ${SEEDS}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB artifacts ${WORK}/crash-* ${WORK}/leak-* ${WORK}/timeout-* ${WORK}/oom-*)
  message(FATAL_ERROR "the fuzzer found a failure (exit ${result}); reproducer(s): ${artifacts}")
endif()
message(STATUS "fuzzed ${SECONDS} s without a failure")
