// UID bytes <-> the upper-case hex text every layer uses for a badge (core's normalise_uid form).
// Readers get bytes from the chip; the simulator and the emulator's scripts give text.
#pragma once

#include "badgeuse/core/result.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::drivers {

std::string uid_to_hex(std::span<const std::uint8_t> bytes);
// Any text normalise_uid accepts ("04:a1:b2:c3", "04A1B2C3"), as bytes.
Result<std::vector<std::uint8_t>> uid_from_hex(std::string_view text);

} // namespace badgeuse::drivers
