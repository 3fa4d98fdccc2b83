// Zone B's holidays as data the demo can use without reading a file, and the school year around a day.
#include "badgeuse/demo/demo_school.hpp"

#include <string_view>

namespace badgeuse::demo {
namespace {

using std::chrono::year;

struct PeriodRow {
    Date first;
    Date last;
    ClosureKind kind;
    std::string_view label;
};

// The same rows as config/calendar/zone-b-2026-2027.csv (a test holds them equal): the national calendar
// as published when this was written. Public holidays are not listed, the Calendar computes them.
constexpr PeriodRow kZoneB[] = {
    {year{2025} / 12 / 20, year{2026} / 1 / 4, ClosureKind::SchoolHoliday, "Vacances de Noël"},
    {year{2026} / 2 / 14, year{2026} / 3 / 1, ClosureKind::SchoolHoliday, "Vacances d'hiver"},
    {year{2026} / 4 / 11, year{2026} / 4 / 26, ClosureKind::SchoolHoliday, "Vacances de printemps"},
    {year{2026} / 5 / 15, year{2026} / 5 / 16, ClosureKind::SchoolHoliday, "Pont de l'Ascension"},
    {year{2026} / 7 / 4, year{2026} / 8 / 31, ClosureKind::SchoolHoliday, "Vacances d'été"},
    {year{2026} / 10 / 17, year{2026} / 11 / 1, ClosureKind::SchoolHoliday, "Vacances de la Toussaint"},
    {year{2026} / 12 / 14, year{2026} / 12 / 14, ClosureKind::Closure, "Journée pédagogique — accueil fermé"},
    {year{2026} / 12 / 19, year{2027} / 1 / 3, ClosureKind::SchoolHoliday, "Vacances de Noël"},
    {year{2027} / 2 / 20, year{2027} / 3 / 7, ClosureKind::SchoolHoliday, "Vacances d'hiver"},
    {year{2027} / 4 / 17, year{2027} / 5 / 2, ClosureKind::SchoolHoliday, "Vacances de printemps"},
    {year{2027} / 5 / 7, year{2027} / 5 / 8, ClosureKind::SchoolHoliday, "Pont de l'Ascension"},
    {year{2027} / 7 / 3, year{2027} / 8 / 31, ClosureKind::SchoolHoliday, "Vacances d'été"},
};

// The summer holidays start on the Saturday after the first Friday of July, in every recent year.
Date first_friday_of_july(int y) {
    return Date{std::chrono::sys_days{year{y} / std::chrono::July / std::chrono::Friday[1]}};
}

} // namespace

std::vector<ClosedPeriod> zone_b_periods() {
    std::vector<ClosedPeriod> periods;
    periods.reserve(std::size(kZoneB));
    for (const auto& row : kZoneB)
        periods.push_back(ClosedPeriod{row.first, row.last, row.kind, std::string(row.label)});
    return periods;
}

DateRange school_year_containing(Date day) {
    int y = static_cast<int>(day.year());
    int start_year = day > first_friday_of_july(y) ? y : y - 1;
    return DateRange{year{start_year} / 9 / 1, first_friday_of_july(start_year + 1)};
}

} // namespace badgeuse::demo
