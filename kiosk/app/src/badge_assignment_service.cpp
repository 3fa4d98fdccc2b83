// BadgeAssignmentService: refused taps grouped by UID, and the assignment in one store transaction.
#include "badgeuse/app/badge_assignment_service.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <algorithm>

namespace badgeuse::app {
namespace {

// Enough for a day of a busy kiosk's refusals; older ones are not today's anyway.
constexpr std::size_t kRefusalsRead = 2000;

} // namespace

BadgeAssignmentService::BadgeAssignmentService(store::Store& store, const Clock& clock, UuidSource& uuids)
    : m_store(&store)
    , m_clock(&clock)
    , m_uuids(&uuids) {}

Result<std::vector<UnheldBadge>> BadgeAssignmentService::unheld_today() const {
    Date today = paris::local_date(m_clock->now());
    auto refused = BADGEUSE_TRY(m_store->refused_taps().recent(kRefusalsRead));
    std::vector<UnheldBadge> badges;
    for (const auto& tap : refused) { // newest first
        if (paris::local_date(tap.at) != today)
            continue;
        auto known =
            std::find_if(badges.begin(), badges.end(), [&](const auto& b) { return b.uid == tap.uid; });
        if (known != badges.end()) {
            ++known->taps;
            continue;
        }
        // Held since (given a moment ago, or pulled from the portal), or someone's revoked badge.
        if (BADGEUSE_TRY(m_store->badges().find(tap.uid)))
            continue;
        badges.push_back({tap.uid, 1, tap.at});
    }
    return badges;
}

Result<BadgeGiven> BadgeAssignmentService::give(std::string_view uid_text, ChildId child, StaffId staff) {
    auto uid = BADGEUSE_TRY(normalise_uid(uid_text));
    BadgeGiven given;
    given.problem = check_badge_assignment(BADGEUSE_TRY(m_store->badges().find(uid)), child);
    if (given.problem != BadgeAssignmentProblem::None)
        return given;
    store::BadgeAssignment assignment{m_uuids->next(), staff, uid, child, m_clock->now()};
    BADGEUSE_TRY(m_store->record_badge_assignment(assignment));
    given.id = assignment.id;
    return given;
}

} // namespace badgeuse::app
