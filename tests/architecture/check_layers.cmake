# Run with cmake -P. CHECK=core_includes | layers | core_links. Fails (FATAL_ERROR) naming the file,
# the line and the include that breaks the rule.
cmake_policy(SET CMP0057 NEW) # IN_LIST in a -P script

set(std_headers
  algorithm any array atomic barrier bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes
  climits clocale cmath codecvt compare complex concepts condition_variable coroutine csetjmp csignal
  cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque exception execution
  expected filesystem format forward_list fstream functional future initializer_list iomanip ios iosfwd
  iostream istream iterator latch limits list locale map memory memory_resource mutex new numbers numeric
  optional ostream queue random ranges ratio regex scoped_allocator semaphore set shared_mutex
  source_location span sstream stack stdexcept stop_token streambuf string string_view syncstream
  system_error thread tuple type_traits typeindex typeinfo unordered_map unordered_set utility valarray
  variant vector version)

# Floors: a folder may include from its own floor or below: core (1) < drivers, sync (2) <
# kiosk/store (3) < kiosk/app (4) < kiosk/ui (5) < kiosk's main (6).
function(floor_of path out)
  if(path MATCHES "^kiosk/ui/")
    set(${out} 5 PARENT_SCOPE)
  elseif(path MATCHES "^kiosk/app/")
    set(${out} 4 PARENT_SCOPE)
  elseif(path MATCHES "^kiosk/store/")
    set(${out} 3 PARENT_SCOPE)
  elseif(path MATCHES "^kiosk/")
    set(${out} 6 PARENT_SCOPE)
  elseif(path MATCHES "^(sync|drivers)/")
    set(${out} 2 PARENT_SCOPE)
  elseif(path MATCHES "^core/")
    set(${out} 1 PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()

# Where a project include lives, from its prefix: "badgeuse/core/x.hpp" -> core, and so on.
function(floor_of_include inc out)
  if(inc MATCHES "^badgeuse/ui/")
    set(${out} 5 PARENT_SCOPE)
  elseif(inc MATCHES "^badgeuse/app/")
    set(${out} 4 PARENT_SCOPE)
  elseif(inc MATCHES "^badgeuse/store/")
    set(${out} 3 PARENT_SCOPE)
  elseif(inc MATCHES "^badgeuse/(protocol|sync|portal|drivers|client)/")
    set(${out} 2 PARENT_SCOPE)
  elseif(inc MATCHES "^badgeuse/(core|demo)/")
    set(${out} 1 PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()

set(problems "")

if(CHECK STREQUAL "core_links")
  foreach(lib IN LISTS CORE_LINKS)
    if(NOT lib MATCHES "badgeuse_warnings" AND NOT lib STREQUAL "CORE_LINKS-NOTFOUND")
      string(APPEND problems "badgeuse_core links ${lib}\n")
    endif()
  endforeach()
else()
  file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/core/*.hpp ${SOURCE_DIR}/core/*.cpp
    ${SOURCE_DIR}/drivers/*.hpp ${SOURCE_DIR}/drivers/*.cpp
    ${SOURCE_DIR}/sync/*.hpp ${SOURCE_DIR}/sync/*.cpp
    ${SOURCE_DIR}/kiosk/*.hpp ${SOURCE_DIR}/kiosk/*.cpp)
  if(CHECK STREQUAL "core_includes")
    list(FILTER files INCLUDE REGEX "^core/")
  endif()
  foreach(file IN LISTS files)
    file(STRINGS ${SOURCE_DIR}/${file} lines REGEX "^[ \t]*#[ \t]*include")
    floor_of(${file} file_floor)
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*" "\\1" inc "${line}")
      if(CHECK STREQUAL "core_includes")
        if(line MATCHES "<" AND NOT inc IN_LIST std_headers)
          string(APPEND problems "${file}: includes <${inc}>, which is not the standard library\n")
        elseif(line MATCHES "\"" AND NOT inc MATCHES "^badgeuse/(core|demo)/")
          string(APPEND problems "${file}: includes \"${inc}\", which is not one of core's headers\n")
        endif()
      else()
        floor_of_include("${inc}" inc_floor)
        if(inc_floor GREATER file_floor)
          string(APPEND problems "${file}: includes ${inc}, from a floor above (${inc_floor} > ${file_floor})\n")
        endif()
      endif()
    endforeach()
  endforeach()
endif()

if(problems)
  message(FATAL_ERROR "Architecture rule broken:\n${problems}")
endif()
message(STATUS "architecture check ${CHECK}: ok")
