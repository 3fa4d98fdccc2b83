// French public holidays (jours fériés) for any year from 1900 to 2200, Easter-based ones computed.
// Each holiday is counted only in the years the law made it one (8 May, 1 May and 11 November came
// and went); Alsace-Moselle adds Good Friday and 26 December.
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse {

inline constexpr int kFirstHolidayYear = 1900;
inline constexpr int kLastHolidayYear = 2200;

enum class HolidayRegion { Metropole, AlsaceMoselle };

struct PublicHoliday {
    Date day;
    std::string_view name; // "Lundi de Pâques"
    bool operator==(const PublicHoliday&) const = default;
};

// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation).
Date easter_sunday(int year);

// The year's holidays sorted by date; an error for a year outside 1900..2200.
Result<std::vector<PublicHoliday>> public_holidays(int year, HolidayRegion region = HolidayRegion::Metropole);

// The holiday on that day, if any. Days outside 1900..2200 have none.
std::optional<PublicHoliday> public_holiday_on(Date day, HolidayRegion region = HolidayRegion::Metropole);

} // namespace badgeuse
