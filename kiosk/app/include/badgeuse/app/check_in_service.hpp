// CheckInService: a badge tap -> the decision of core/check_in, recorded durably in the store before
// the verdict is returned (the UI shows nothing the disk does not already hold).
#pragma once

#include "badgeuse/app/uuid_source.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/check_in.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/manual_attendance.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/store/store.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse::app {

struct CheckInOutcome {
    CheckInDecision decision;
    Instant at;                   // when the tap was decided
    std::string uid;              // normalised
    std::optional<Uuid> event_id; // the recorded event, when one was
};

// What staff asked for by hand and what core's decide_manual made of it.
struct ManualRequest {
    ChildId child;
    ActivityId activity;
    ManualAction action = ManualAction::Arrival;
    StaffId staff;            // signed in on the kiosk: recorded in AttendanceEvent::recorded_by
    std::string picked_up_by; // departures from evening care
};

struct ManualOutcomeInfo {
    ManualDecision decision;
    Instant at;
    std::optional<Uuid> event_id; // when one was recorded
};

class CheckInService {
public:
    // Reads the site's activities and calendar from the store; call reload() after they change.
    static Result<CheckInService> create(store::Store& store, const Clock& clock, UuidSource& uuids,
                                         CheckInSettings settings = {});

    // Decides and records. Fails only when the store does (disk full, damaged file): the caller then
    // shows a "go and see an adult" screen rather than a verdict nothing backs.
    Result<CheckInOutcome> tap(std::string_view uid);

    // A manual arrival, departure or undo by the signed-in staff member (Capture::Manual), decided by
    // core's decide_manual over the same data as a tap and recorded durably before it returns.
    Result<ManualOutcomeInfo> manual(const ManualRequest& request);

    Result<void> reload();
    const std::vector<Activity>& activities() const { return m_activities; }
    const Calendar& calendar() const { return m_calendar; }

private:
    CheckInService(store::Store& store, const Clock& clock, UuidSource& uuids, CheckInSettings settings);

    store::Store* m_store;
    const Clock* m_clock;
    UuidSource* m_uuids;
    CheckInSettings m_settings;
    std::vector<Activity> m_activities;
    Calendar m_calendar;
};

} // namespace badgeuse::app
