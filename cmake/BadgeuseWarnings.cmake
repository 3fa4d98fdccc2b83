# The project's warning set, applied to every target of ours through badgeuse_warnings.
# -Wnull-dereference is left out: at -O2 GCC 12 reports it inside libstdc++'s own string and
# streambuf code (false positives no change of ours can silence). -Wno-restrict: at -O3 GCC 12 warns
# on plain `"literal" + std::string` (GCC bug 105329, fixed in GCC 13).
add_library(badgeuse_warnings INTERFACE)
target_compile_options(badgeuse_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(BADGEUSE_WERROR)
  target_compile_options(badgeuse_warnings INTERFACE -Werror)
endif()
