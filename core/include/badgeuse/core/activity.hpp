// Activities a site runs (canteen, morning and evening care), their weekly opening and booking rule.
// An Activity is configuration: the portal defines it, the kiosk receives it.
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"

#include <string>

namespace badgeuse {

enum class ActivityKind { Meal, Care };

// Whether a child must be booked in advance. A child who comes without a booking is still
// accepted by the kiosk, but flagged for staff and for billing.
enum class ReservationPolicy { Required, NotRequired };

// Evening care records when a child leaves and with whom; the canteen does not.
enum class DepartureRecording { Off, On };

struct OpeningHours {
    WeekdaySet days = WeekdaySet::school_week();
    TimeOfDay start;
    TimeOfDay end; // exclusive

    bool open_on(std::chrono::weekday day) const { return days.contains(day); }
    bool contains(TimeOfDay time) const { return start <= time && time < end; }
};

// The booking deadline: a booking or cancellation for day D is accepted until `hour` (local time) on
// the working day that comes `working_days_before` working days before D. Working days are the
// weekdays in `working_days` that are not public holidays (school holidays do not count: the town hall
// works then).
struct DeadlineRule {
    int working_days_before = 2;
    TimeOfDay hour = TimeOfDay::at(10);
    WeekdaySet working_days = WeekdaySet::monday_to_friday();
    bool operator==(const DeadlineRule&) const = default;
};

struct Activity {
    ActivityId id;
    std::string code; // "cantine", "peri-matin", "peri-soir": stable, used in files and URLs
    std::string name; // "Restauration scolaire"
    ActivityKind kind = ActivityKind::Care;
    OpeningHours opening;
    ReservationPolicy reservation = ReservationPolicy::Required;
    DepartureRecording departure = DepartureRecording::Off;
    DeadlineRule deadline;
};

// The three activities of the town's guide: morning care 07:00-08:20, canteen 11:30-13:30,
// evening care 16:30-19:00, on Monday, Tuesday, Thursday and Friday.
Activity morning_care(ActivityId id);
Activity canteen(ActivityId id);
Activity evening_care(ActivityId id);

} // namespace badgeuse
