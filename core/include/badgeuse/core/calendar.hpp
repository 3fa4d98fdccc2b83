// The calendar of a site: public holidays, school holidays and closures, and working-day arithmetic.
// Immutable once built, so it can be shared between threads.
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/public_holidays.hpp"
#include "badgeuse/core/school_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace badgeuse {

// Why no activity runs on a day that would otherwise be open.
struct DayClosure {
    enum class Reason { PublicHoliday, SchoolHoliday, Closure } reason;
    std::string label; // "Lundi de Pâques", "Vacances d'hiver"
};

class Calendar {
public:
    Calendar() = default;
    explicit Calendar(std::vector<ClosedPeriod> periods, HolidayRegion region = HolidayRegion::Metropole);

    HolidayRegion region() const { return m_region; }
    const std::vector<ClosedPeriod>& closed_periods() const { return m_periods; }

    std::optional<PublicHoliday> public_holiday(Date day) const { return public_holiday_on(day, m_region); }
    // The school holiday or closure covering that day, if any.
    const ClosedPeriod* closed_period(Date day) const;
    // Why the services are closed that day (a public holiday first, then a holiday or closure).
    std::optional<DayClosure> closure(Date day) const;

    // A weekday in `working_days` that is not a public holiday. School holidays are working days.
    bool is_working_day(Date day, WeekdaySet working_days) const;
    // The day that is `count` working days before `day` (count >= 1; 0 gives `day` itself).
    Date working_days_before(Date day, int count, WeekdaySet working_days) const;

private:
    std::vector<ClosedPeriod> m_periods; // sorted by first day
    HolidayRegion m_region = HolidayRegion::Metropole;
};

} // namespace badgeuse
