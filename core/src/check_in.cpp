// The check-in decision.
#include "badgeuse/core/check_in.hpp"

#include "badgeuse/core/deadline.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <algorithm>
#include <unordered_set>

namespace badgeuse {

Tone tone_of(Verdict verdict) {
    switch (verdict) {
    case Verdict::Welcome:
    case Verdict::Goodbye:
        return Tone::Green;
    case Verdict::AcceptedNotReserved:
    case Verdict::AcceptedDeclaredAbsent:
        return Tone::Orange;
    case Verdict::UnknownBadge:
    case Verdict::RevokedBadge:
    case Verdict::NoActivityOpen:
        return Tone::Red;
    case Verdict::AlreadyRecorded:
    case Verdict::NotAChildBadge:
        return Tone::Neutral;
    }
    return Tone::Neutral;
}

std::string_view verdict_key(Verdict verdict) {
    switch (verdict) {
    case Verdict::Welcome:
        return "welcome";
    case Verdict::AcceptedNotReserved:
        return "accepted_not_reserved";
    case Verdict::AcceptedDeclaredAbsent:
        return "accepted_declared_absent";
    case Verdict::Goodbye:
        return "goodbye";
    case Verdict::AlreadyRecorded:
        return "already_recorded";
    case Verdict::UnknownBadge:
        return "unknown_badge";
    case Verdict::RevokedBadge:
        return "revoked_badge";
    case Verdict::NoActivityOpen:
        return "no_activity_open";
    case Verdict::NotAChildBadge:
        return "not_a_child_badge";
    }
    return "unknown_badge";
}

const Activity* activity_open_at(Instant now, std::span<const Activity> activities,
                                 const Calendar& calendar) {
    auto local = paris::to_local(now);
    if (calendar.closure(local.date))
        return nullptr;
    auto minutes =
        static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local.time_of_day).count());
    TimeOfDay time{minutes};
    const Activity* open = nullptr;
    for (const auto& activity : activities) {
        if (!activity.opening.open_on(weekday_of(local.date)) || !activity.opening.contains(time))
            continue;
        if (open == nullptr || activity.opening.start < open->opening.start)
            open = &activity;
    }
    return open;
}

std::optional<NextOpening> next_opening_after(Instant now, std::span<const Activity> activities,
                                              const Calendar& calendar, int horizon_days) {
    Date today = paris::local_date(now);
    for (int offset = 0; offset <= horizon_days; ++offset) {
        Date day = add_days(today, offset);
        if (calendar.closure(day))
            continue;
        std::optional<NextOpening> best;
        for (const auto& activity : activities) {
            if (!activity.opening.open_on(weekday_of(day)))
                continue;
            Instant at = paris::to_instant(day, activity.opening.start);
            if (at <= now)
                continue;
            if (!best || at < best->at)
                best = NextOpening{at, &activity};
        }
        if (best)
            return best;
    }
    return std::nullopt;
}

std::vector<AttendanceEvent> effective_events(std::span<const AttendanceEvent> events) {
    std::unordered_set<Uuid> voided;
    for (const auto& event : events)
        if (event.kind == EventKind::Void)
            voided.insert(event.voids);
    std::vector<AttendanceEvent> out;
    for (const auto& event : events)
        if (event.kind != EventKind::Void && !voided.contains(event.id))
            out.push_back(event);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    return out;
}

CheckInDecision decide_check_in(const CheckInInput& input) {
    CheckInDecision decision;
    if (input.badge == nullptr) {
        decision.verdict = Verdict::UnknownBadge;
        decision.record_refusal = true;
        return decision;
    }
    if (input.badge->state == BadgeState::Revoked) {
        decision.verdict = Verdict::RevokedBadge;
        decision.record_refusal = true;
        return decision;
    }
    if (input.badge->holder_kind != HolderKind::Child) {
        decision.verdict = Verdict::NotAChildBadge;
        decision.holder_kind = input.badge->holder_kind;
        decision.holder_id = input.badge->holder_id;
        return decision;
    }
    if (input.child == nullptr) {
        // A child badge whose holder this kiosk does not know yet (not synced): refuse, staff see it.
        decision.verdict = Verdict::UnknownBadge;
        decision.record_refusal = true;
        return decision;
    }
    decision.first_name = input.child->first_name;
    decision.health_marker = input.child->needs_health_marker();

    const Calendar& calendar = *input.calendar;
    const Activity* activity = activity_open_at(input.now, input.activities, calendar);
    if (activity == nullptr) {
        decision.verdict = Verdict::NoActivityOpen;
        if (auto next = next_opening_after(input.now, input.activities, calendar,
                                           input.settings.next_opening_horizon_days)) {
            decision.next_opening = next->at;
            decision.next_activity_name = next->activity->name;
        }
        return decision;
    }
    Date today = paris::local_date(input.now);
    decision.activity = activity->id;
    decision.activity_name = activity->name;
    decision.activity_kind = activity->kind;

    auto events = effective_events(input.events);
    const AttendanceEvent* arrival = nullptr;
    const AttendanceEvent* departure = nullptr;
    for (const auto& event : events) {
        if (event.activity != activity->id || event.day != today)
            continue;
        if (event.kind == EventKind::Arrival && arrival == nullptr)
            arrival = &event;
        if (event.kind == EventKind::Departure)
            departure = &event;
    }
    if (arrival != nullptr) {
        bool records_departure = activity->departure == DepartureRecording::On;
        bool stayed_long_enough = input.now - arrival->at >= input.settings.minimum_stay;
        if (records_departure && departure == nullptr && stayed_long_enough) {
            decision.verdict = Verdict::Goodbye;
            decision.event = EventToRecord{activity->id, today, EventKind::Departure, AttendanceFlag::None};
            return decision;
        }
        decision.verdict = Verdict::AlreadyRecorded;
        decision.earlier_tap = departure != nullptr ? departure->at : arrival->at;
        return decision;
    }

    AttendanceFlag flag = arrival_flag(*input.child, *activity, today, input.reservations, input.absences);
    decision.verdict = flag == AttendanceFlag::DeclaredAbsent ? Verdict::AcceptedDeclaredAbsent
                       : flag == AttendanceFlag::NotReserved  ? Verdict::AcceptedNotReserved
                                                              : Verdict::Welcome;
    decision.event = EventToRecord{activity->id, today, EventKind::Arrival, flag};
    return decision;
}

AttendanceFlag arrival_flag(const Child& child, const Activity& activity, Date day,
                            std::span<const Reservation> reservations, std::span<const Absence> absences) {
    bool absent = std::any_of(absences.begin(), absences.end(),
                              [&](const Absence& a) { return a.child == child.id && a.covers(day); });
    if (absent)
        return AttendanceFlag::DeclaredAbsent;
    bool reserved = std::any_of(reservations.begin(), reservations.end(), [&](const Reservation& r) {
        return r.child == child.id && r.activity == activity.id && r.day == day;
    });
    if (!reserved && activity.reservation == ReservationPolicy::Required)
        return AttendanceFlag::NotReserved;
    return AttendanceFlag::None;
}

} // namespace badgeuse
