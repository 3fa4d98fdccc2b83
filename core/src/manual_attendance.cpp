// Manual attendance: the child's effective events today for the activity decide what staff may record.
#include "badgeuse/core/manual_attendance.hpp"

#include "badgeuse/core/name_search.hpp"
#include "badgeuse/core/paris_time.hpp"

namespace badgeuse {

ManualDecision decide_manual(const ManualInput& input) {
    ManualDecision decision;
    const Activity& activity = *input.activity;
    Date today = paris::local_date(input.now);
    if (!activity.opening.open_on(weekday_of(today)) || input.calendar->closure(today)) {
        decision.outcome = ManualOutcome::NotRunToday;
        return decision;
    }
    auto events = effective_events(input.events);
    const AttendanceEvent* arrival = nullptr;
    const AttendanceEvent* departure = nullptr;
    const AttendanceEvent* latest = nullptr;
    for (const auto& event : events) {
        if (event.activity != activity.id || event.day != today || event.child != input.child->id)
            continue;
        if (event.kind == EventKind::Arrival && arrival == nullptr)
            arrival = &event;
        if (event.kind == EventKind::Departure)
            departure = &event;
        latest = &event; // effective_events sorts by time
    }

    switch (input.action) {
    case ManualAction::Arrival:
        if (arrival != nullptr) {
            decision.outcome = ManualOutcome::AlreadyArrived;
            decision.earlier = arrival->at;
            return decision;
        }
        decision.outcome = ManualOutcome::Record;
        decision.event =
            EventToRecord{activity.id, today, EventKind::Arrival,
                          arrival_flag(*input.child, activity, today, input.reservations, input.absences)};
        return decision;
    case ManualAction::Departure: {
        if (activity.departure != DepartureRecording::On) {
            decision.outcome = ManualOutcome::DeparturesNotKept;
            return decision;
        }
        if (arrival == nullptr) {
            decision.outcome = ManualOutcome::NotArrived;
            return decision;
        }
        if (departure != nullptr) {
            decision.outcome = ManualOutcome::AlreadyDeparted;
            decision.earlier = departure->at;
            return decision;
        }
        if (fold_name(input.picked_up_by).empty()) {
            decision.outcome = ManualOutcome::PickUpMissing;
            return decision;
        }
        auto adult = authorised_pick_up(*input.child, input.guardians, input.picked_up_by);
        if (!adult) {
            decision.outcome = ManualOutcome::PickUpNotAuthorised;
            return decision;
        }
        decision.outcome = ManualOutcome::Record;
        decision.picked_up_by = adult->name;
        decision.event = EventToRecord{activity.id, today, EventKind::Departure, AttendanceFlag::None};
        return decision;
    }
    case ManualAction::Undo:
        if (latest == nullptr) {
            decision.outcome = ManualOutcome::NothingToUndo;
            return decision;
        }
        decision.outcome = ManualOutcome::Record;
        decision.voids = latest->id;
        decision.voided_kind = latest->kind;
        decision.event = EventToRecord{activity.id, today, EventKind::Void, AttendanceFlag::None};
        return decision;
    }
    return decision;
}

} // namespace badgeuse
