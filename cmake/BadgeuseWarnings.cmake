# The project's warning set, applied to every target of ours through badgeuse_warnings.
add_library(badgeuse_warnings INTERFACE)
target_compile_options(badgeuse_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
if(BADGEUSE_WERROR)
  target_compile_options(badgeuse_warnings INTERFACE -Werror)
endif()
