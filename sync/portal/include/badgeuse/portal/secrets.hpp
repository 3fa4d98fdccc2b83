// Kiosk tokens and one-time codes: made from the system's random source, stored only as SHA-256
// hashes, so that a copy of the portal's database lets no one pose as a kiosk.
#pragma once

#include "badgeuse/core/result.hpp"

#include <string>
#include <string_view>

namespace badgeuse::portal {

// 32 random bytes in lower-case hex.
Result<std::string> make_token();
// 12 characters in three groups, "K7QD-9XZA-M3PT", from an alphabet without 0/O or 1/I, to be typed.
Result<std::string> make_enrollment_code();
// SHA-256 in lower-case hex. Codes are upper-cased and stripped of dashes and spaces first, so that
// "k7qd 9xza m3pt" typed at a kiosk is the same code.
std::string hash_secret(std::string_view secret);
std::string normalise_code(std::string_view code);

} // namespace badgeuse::portal
