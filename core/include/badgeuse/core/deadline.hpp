// The booking deadline and "can this still be booked or cancelled now, and until when".
// The same functions run on the kiosk and on the portal, so both ends enforce one rule.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"

#include <optional>

namespace badgeuse {

// The last instant at which a booking or cancellation for `day` is accepted: `rule.hour`, local time,
// on the working day `rule.working_days_before` working days before `day`. A change is accepted
// while now < deadline: at 10:00:00 sharp it is too late.
Instant booking_deadline(Date day, const DeadlineRule& rule, const Calendar& calendar);

inline bool before_deadline(Instant now, Instant deadline) {
    return now < deadline;
}

// Whether an activity runs on a day at all: the weekday is one of its opening days and the day is
// not a public holiday, a school holiday or a closure.
struct ServiceDay {
    bool runs = false;
    std::optional<DayClosure> closure; // set when the day is closed by the calendar
};
ServiceDay service_day(const Activity& activity, Date day, const Calendar& calendar);

struct BookingWindow {
    enum class State {
        Open,           // may be booked or cancelled until `deadline`
        DeadlinePassed, // too late since `deadline`
        NoService,      // the activity does not run that day (see `closure` for why)
    };
    State state = State::NoService;
    Instant deadline{};
    std::optional<DayClosure> closure;
};
BookingWindow booking_window(const Activity& activity, Date day, Instant now, const Calendar& calendar);

} // namespace badgeuse
