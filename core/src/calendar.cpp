// A site's calendar: closures by day and working-day arithmetic.
#include "badgeuse/core/calendar.hpp"

#include <algorithm>

namespace badgeuse {

Calendar::Calendar(std::vector<ClosedPeriod> periods, HolidayRegion region)
    : m_periods(std::move(periods))
    , m_region(region) {
    // Stable: of two periods starting the same day, the one listed later is the one closed_period finds.
    std::stable_sort(m_periods.begin(), m_periods.end(),
                     [](const ClosedPeriod& a, const ClosedPeriod& b) { return a.first < b.first; });
}

const ClosedPeriod* Calendar::closed_period(Date day) const {
    // Periods may overlap (a closure inside a holiday), so look at every period that starts on or
    // before the day; there are a few dozen a year.
    auto end = std::upper_bound(m_periods.begin(), m_periods.end(), day,
                                [](Date d, const ClosedPeriod& p) { return d < p.first; });
    const ClosedPeriod* found = nullptr;
    for (auto it = m_periods.begin(); it != end; ++it)
        if (it->covers(day))
            found = &*it;
    return found;
}

std::optional<DayClosure> Calendar::closure(Date day) const {
    if (auto holiday = public_holiday(day))
        return DayClosure{DayClosure::Reason::PublicHoliday, std::string(holiday->name)};
    if (const auto* period = closed_period(day))
        return DayClosure{period->kind == ClosureKind::SchoolHoliday ? DayClosure::Reason::SchoolHoliday
                                                                     : DayClosure::Reason::Closure,
                          period->label};
    return std::nullopt;
}

bool Calendar::is_working_day(Date day, WeekdaySet working_days) const {
    return working_days.contains(weekday_of(day)) && !public_holiday(day).has_value();
}

Date Calendar::working_days_before(Date day, int count, WeekdaySet working_days) const {
    if (working_days.empty())
        return day;
    Date current = day;
    while (count > 0) {
        current = add_days(current, -1);
        if (is_working_day(current, working_days))
            --count;
    }
    return current;
}

} // namespace badgeuse
