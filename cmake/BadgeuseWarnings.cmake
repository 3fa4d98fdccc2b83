# The project's warning set, applied to every target of ours through badgeuse_warnings.
# -Wnull-dereference is left out: at -O2 GCC 12 reports it inside libstdc++'s own string and
# streambuf code (false positives no change of ours can silence).
add_library(badgeuse_warnings INTERFACE)
target_compile_options(badgeuse_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
if(BADGEUSE_WERROR)
  target_compile_options(badgeuse_warnings INTERFACE -Werror)
endif()
