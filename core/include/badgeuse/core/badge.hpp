// Badges: an NFC card or fob's UID and whom it belongs to. UIDs are upper-case hex everywhere.
#pragma once

#include "badgeuse/core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace badgeuse {

enum class HolderKind { Child, Guardian, Staff };
enum class BadgeState { Active, Revoked };

struct Badge {
    std::string uid; // "04A1B2C3D4E5F6"
    HolderKind holder_kind = HolderKind::Child;
    std::int64_t holder_id = 0; // a ChildId, GuardianId or StaffId according to holder_kind
    BadgeState state = BadgeState::Active;
};

std::string_view holder_kind_key(HolderKind kind); // "child", "guardian", "staff"
Result<HolderKind> parse_holder_kind_key(std::string_view key);

// Upper-case hex without separators, 4 to 10 bytes (ISO 14443 single, double and triple size UIDs).
// Accepts "04:a1:b2:c3", "04-A1-B2-C3" and "04a1b2c3"; refuses anything else with a reason.
Result<std::string> normalise_uid(std::string_view text);

} // namespace badgeuse
