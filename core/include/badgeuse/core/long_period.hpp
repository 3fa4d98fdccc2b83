// Long-period requests, as on the portal: a date range x weekdays x activities, expanded into the days
// that are actually open, each with its own deadline verdict, so the parent sees what will change.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"

#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace badgeuse {

enum class BookingAction { Book, Cancel };

struct LongPeriodRequest {
    ChildId child;
    Date from;
    Date to; // inclusive
    WeekdaySet weekdays;
    std::vector<ActivityId> activities;
    BookingAction action = BookingAction::Book;
};

inline constexpr int kLongPeriodMaxDays = 366;

struct LongPeriodDay {
    enum class Outcome {
        WillChange,    // booked (or cancelled) by this request
        AlreadyDone,   // already booked (or already not booked): nothing to do
        TooLate,       // the deadline for that day has passed
        Closed,        // public holiday, school holiday or closure (see `closure`)
        NotRunThatDay, // the activity does not open on that weekday (Wednesday canteen, say)
    };
    Date day;
    ActivityId activity;
    Outcome outcome = Outcome::WillChange;
    Instant deadline{};
    std::optional<DayClosure> closure;
};

struct LongPeriodPlan {
    LongPeriodRequest request;
    std::vector<LongPeriodDay> days; // by day, then in the request's activity order

    int count(LongPeriodDay::Outcome outcome) const;
    std::vector<LongPeriodDay> changes() const; // the WillChange days only
};

// `is_reserved(activity, day)` says whether the child is booked now.
using ReservationLookup = std::function<bool(ActivityId, Date)>;

// Refuses a request whose range is reversed or longer than a year, with no weekday or no activity, or
// naming an activity the site does not run.
Result<LongPeriodPlan> plan_long_period(const LongPeriodRequest& request,
                                        std::span<const Activity> activities, const Calendar& calendar,
                                        Instant now, const ReservationLookup& is_reserved);

} // namespace badgeuse
