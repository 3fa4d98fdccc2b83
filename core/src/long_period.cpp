// Expansion of long-period requests into days, with each day's verdict.
#include "badgeuse/core/long_period.hpp"

#include "badgeuse/core/deadline.hpp"

#include <algorithm>

namespace badgeuse {

int LongPeriodPlan::count(LongPeriodDay::Outcome outcome) const {
    return static_cast<int>(std::count_if(days.begin(), days.end(),
                                          [&](const LongPeriodDay& d) { return d.outcome == outcome; }));
}

std::vector<LongPeriodDay> LongPeriodPlan::changes() const {
    std::vector<LongPeriodDay> out;
    std::copy_if(days.begin(), days.end(), std::back_inserter(out),
                 [](const LongPeriodDay& d) { return d.outcome == LongPeriodDay::Outcome::WillChange; });
    return out;
}

Result<LongPeriodPlan> plan_long_period(const LongPeriodRequest& request,
                                        std::span<const Activity> activities, const Calendar& calendar,
                                        Instant now, const ReservationLookup& is_reserved) {
    if (request.to < request.from)
        return make_error("the period ends (" + format_date(request.to) + ") before it starts (" +
                          format_date(request.from) + ")");
    if (days_between(request.from, request.to) >= kLongPeriodMaxDays)
        return make_error("a long-period request covers at most " + std::to_string(kLongPeriodMaxDays) +
                          " days; split it in two");
    if (request.weekdays.empty())
        return make_error("choose at least one weekday");
    if (request.activities.empty())
        return make_error("choose at least one activity");

    std::vector<const Activity*> chosen;
    for (auto id : request.activities) {
        auto it =
            std::find_if(activities.begin(), activities.end(), [&](const Activity& a) { return a.id == id; });
        if (it == activities.end())
            return make_error("activity " + std::to_string(id.value) + " is not run at this site");
        chosen.push_back(&*it);
    }

    LongPeriodPlan plan{request, {}};
    for (Date day = request.from; day <= request.to; day = add_days(day, 1)) {
        if (!request.weekdays.contains(weekday_of(day)))
            continue;
        for (const Activity* activity : chosen) {
            LongPeriodDay entry{day, activity->id, LongPeriodDay::Outcome::WillChange, Instant{},
                                std::nullopt};
            auto window = booking_window(*activity, day, now, calendar);
            entry.deadline = window.deadline;
            if (window.state == BookingWindow::State::NoService) {
                entry.closure = window.closure;
                entry.outcome =
                    window.closure ? LongPeriodDay::Outcome::Closed : LongPeriodDay::Outcome::NotRunThatDay;
            } else if (bool booked = is_reserved(activity->id, day);
                       booked == (request.action == BookingAction::Book)) {
                // Checked before the deadline: a day already as asked is not a refusal, even if late.
                entry.outcome = LongPeriodDay::Outcome::AlreadyDone;
            } else if (window.state == BookingWindow::State::DeadlinePassed) {
                entry.outcome = LongPeriodDay::Outcome::TooLate;
            }
            plan.days.push_back(std::move(entry));
        }
    }
    return plan;
}

} // namespace badgeuse
