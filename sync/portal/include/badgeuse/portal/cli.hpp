// The portal's command line (CLI11): parses the arguments and runs a subcommand.
// Usage errors print one line on stderr and give exit status 2.
#pragma once

#include <iosfwd>

namespace badgeuse::portal {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // the command ran and failed (a file could not be written, ...)
inline constexpr int kExitUsage = 2;   // bad input: an impossible date, an unknown option, ...

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
