// Staff recording attendance by hand at the kiosk: an arrival or a departure for a child who forgot
// the badge, or undoing a wrong check-in (a Void event). The same facts as a tap, by the same rules
// (check_in.hpp's arrival flags), plus who took the child home from evening care (pick_up.hpp). Pure.
#pragma once

#include "badgeuse/core/check_in.hpp"
#include "badgeuse/core/pick_up.hpp"

#include <optional>
#include <span>
#include <string>

namespace badgeuse {

enum class ManualAction { Arrival, Departure, Undo };

struct ManualInput {
    Instant now;
    ManualAction action = ManualAction::Arrival;
    const Child* child = nullptr;
    const Activity* activity = nullptr; // the activity staff are looking at, today
    const Calendar* calendar = nullptr;
    std::span<const Reservation> reservations; // the child's, for today
    std::span<const Absence> absences;         // the child's, covering today
    std::span<const AttendanceEvent> events;   // the child's, today (Void events included)
    std::span<const Guardian> guardians;       // the child's family's, for a departure
    std::string picked_up_by;                  // a departure from an activity that records departures
};

enum class ManualOutcome {
    Record,              // `event` is to be recorded
    NotRunToday,         // the activity does not run today (closed, or not on this weekday)
    AlreadyArrived,      // an arrival counts already: nothing recorded
    NotArrived,          // a departure without an arrival
    AlreadyDeparted,     // a second departure
    DeparturesNotKept,   // the activity does not record departures (the canteen)
    PickUpMissing,       // a departure from evening care says who took the child
    PickUpNotAuthorised, // that person may not take the child: staff call the family
    NothingToUndo,       // no event of the child counts today for that activity
};

struct ManualDecision {
    ManualOutcome outcome = ManualOutcome::NothingToUndo;
    std::optional<EventToRecord> event;
    Uuid voids; // Undo: the event cancelled
    EventKind voided_kind = EventKind::Arrival;
    std::string picked_up_by;       // the authorised adult's name as recorded
    std::optional<Instant> earlier; // AlreadyArrived, AlreadyDeparted: when it was
};

ManualDecision decide_manual(const ManualInput& input);

} // namespace badgeuse
