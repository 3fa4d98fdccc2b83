// The booking deadline rule.
#include "badgeuse/core/deadline.hpp"

#include "badgeuse/core/paris_time.hpp"

namespace badgeuse {

Instant booking_deadline(Date day, const DeadlineRule& rule, const Calendar& calendar) {
    Date last_day = calendar.working_days_before(day, rule.working_days_before, rule.working_days);
    return paris::to_instant(last_day, rule.hour);
}

ServiceDay service_day(const Activity& activity, Date day, const Calendar& calendar) {
    if (auto closure = calendar.closure(day))
        return ServiceDay{false, std::move(closure)};
    return ServiceDay{activity.opening.open_on(weekday_of(day)), std::nullopt};
}

BookingWindow booking_window(const Activity& activity, Date day, Instant now, const Calendar& calendar) {
    auto service = service_day(activity, day, calendar);
    if (!service.runs)
        return BookingWindow{BookingWindow::State::NoService, Instant{}, std::move(service.closure)};
    auto deadline = booking_deadline(day, activity.deadline, calendar);
    auto state =
        before_deadline(now, deadline) ? BookingWindow::State::Open : BookingWindow::State::DeadlinePassed;
    return BookingWindow{state, deadline, std::nullopt};
}

} // namespace badgeuse
