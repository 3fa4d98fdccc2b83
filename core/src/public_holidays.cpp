// French public holidays, with the years each one was (and is) a holiday by law.
#include "badgeuse/core/public_holidays.hpp"

#include <algorithm>

namespace badgeuse {
namespace {

using namespace std::chrono;

Date on(int year, unsigned month, unsigned day) {
    return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

} // namespace

Date easter_sunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return on(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Result<std::vector<PublicHoliday>> public_holidays(int year, HolidayRegion region) {
    if (year < kFirstHolidayYear || year > kLastHolidayYear)
        return make_error("the calendar knows the years " + std::to_string(kFirstHolidayYear) + " to " +
                          std::to_string(kLastHolidayYear) + ", not " + std::to_string(year));
    Date easter = easter_sunday(year);
    std::vector<PublicHoliday> days;
    days.push_back({on(year, 1, 1), "Jour de l'an"});
    days.push_back({add_days(easter, 1), "Lundi de Pâques"});
    // The paid 1 May dates from the law of 30 April 1947 (it had been a holiday under another name
    // from 1941); before that it was an ordinary working day.
    if (year >= 1947)
        days.push_back({on(year, 5, 1), "Fête du Travail"});
    // 8 May: a holiday by the law of 20 March 1953; the decree of 11 April 1959 moved the commemoration
    // to a Sunday before that year's 8 May; the law of 2 October 1981 restored it from 1982.
    if ((year >= 1953 && year <= 1958) || year >= 1982)
        days.push_back({on(year, 5, 8), "Victoire 1945"});
    days.push_back({add_days(easter, 39), "Ascension"});
    // Whit Monday is still a public holiday in law since 2005, though it may be worked as the "journée
    // de solidarité"; schools and their services are closed.
    days.push_back({add_days(easter, 50), "Lundi de Pentecôte"});
    days.push_back({on(year, 7, 14), "Fête nationale"});
    days.push_back({on(year, 8, 15), "Assomption"});
    days.push_back({on(year, 11, 1), "Toussaint"});
    // 11 November: the law of 24 October 1922.
    if (year >= 1922)
        days.push_back({on(year, 11, 11), "Armistice 1918"});
    days.push_back({on(year, 12, 25), "Noël"});
    if (region == HolidayRegion::AlsaceMoselle) {
        days.push_back({add_days(easter, -2), "Vendredi saint"});
        days.push_back({on(year, 12, 26), "Saint-Étienne"});
    }
    // Stable, so that when Ascension falls on 1 or 8 May (2008, 2059) the fixed holiday comes first and
    // public_holiday_on gives the same name every time.
    std::stable_sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    return days;
}

std::optional<PublicHoliday> public_holiday_on(Date day, HolidayRegion region) {
    int year = static_cast<int>(day.year());
    auto days = public_holidays(year, region);
    if (!days)
        return std::nullopt;
    for (const auto& holiday : *days)
        if (holiday.day == day)
            return holiday;
    return std::nullopt;
}

} // namespace badgeuse
