// The badge assignment rule.
#include "badgeuse/core/badge_assignment.hpp"

namespace badgeuse {

BadgeAssignmentProblem check_badge_assignment(const std::optional<Badge>& existing, ChildId child) {
    if (!existing)
        return BadgeAssignmentProblem::None;
    if (existing->holder_kind == HolderKind::Child && existing->holder_id == child.value)
        return BadgeAssignmentProblem::None;
    return BadgeAssignmentProblem::HeldByAnother;
}

} // namespace badgeuse
