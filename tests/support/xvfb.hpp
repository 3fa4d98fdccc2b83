// A private Xvfb for the UI tests and the kiosk benchmarks (the test machines have no DISPLAY): started
// once per process on a free display number, stopped at exit. SDL's audio goes to its dummy driver.
#pragma once

#include <string>

namespace badgeuse::testing {

// Starts Xvfb (1920x1080x24) unless this process already has one, and points DISPLAY at it.
// Returns an empty string, or what went wrong.
std::string start_private_xvfb();

} // namespace badgeuse::testing
