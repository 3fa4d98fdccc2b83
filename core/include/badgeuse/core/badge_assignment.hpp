// Staff giving a badge that nobody holds to a child at the kiosk (a new card, a replacement). The
// kiosk records it at once and the portal receives BadgeAssigned; both sides apply this rule. Pure.
#pragma once

#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/ids.hpp"

#include <optional>

namespace badgeuse {

enum class BadgeAssignmentProblem {
    None,          // unassigned, or already this child's (a revoked one is given back)
    HeldByAnother, // another child's, a guardian's or a staff member's badge: the portal must sort it out
};

BadgeAssignmentProblem check_badge_assignment(const std::optional<Badge>& existing, ChildId child);

} // namespace badgeuse
