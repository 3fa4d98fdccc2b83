// BadgeAssignmentService: the badges tapped today that nobody holds (from the refused taps), and giving
// one to a child under core's rule (badge_assignment.hpp): active on this kiosk at once, queued for the
// portal (outbox kind "badge_assignment", pushed as protocol::BadgeAssigned).
#pragma once

#include "badgeuse/app/uuid_source.hpp"
#include "badgeuse/core/badge_assignment.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/store/store.hpp"

#include <string>
#include <vector>

namespace badgeuse::app {

struct UnheldBadge {
    std::string uid;
    int taps = 0;   // today
    Instant last{}; // the latest of them
};

struct BadgeGiven {
    BadgeAssignmentProblem problem = BadgeAssignmentProblem::None; // None: recorded
    Uuid id;
};

class BadgeAssignmentService {
public:
    BadgeAssignmentService(store::Store& store, const Clock& clock, UuidSource& uuids);

    // Unknown badges tapped today (Europe/Paris) that still have no holder, the latest first.
    Result<std::vector<UnheldBadge>> unheld_today() const;
    Result<BadgeGiven> give(std::string_view uid, ChildId child, StaffId staff);

private:
    store::Store* m_store;
    const Clock* m_clock;
    UuidSource* m_uuids;
};

} // namespace badgeuse::app
