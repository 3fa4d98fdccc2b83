# Use ccache when the machine has it: rebuilds on a 2-core box are otherwise slow.
find_program(BADGEUSE_CCACHE ccache)
if(BADGEUSE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${BADGEUSE_CCACHE}")
endif()
