// French public holidays against the official lists, Easter dates, the laws that added and removed
// holidays, and Alsace-Moselle's two extra days. Every expected date is written out, not computed.
#include "badgeuse/core/public_holidays.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

// "2026-04-06 Lundi de Pâques", one line a holiday, so that a failure shows the whole year.
std::vector<std::string> holidays_of(int year, HolidayRegion region = HolidayRegion::Metropole) {
    auto days = public_holidays(year, region);
    REQUIRE(days.ok());
    std::vector<std::string> out;
    for (const auto& holiday : *days)
        out.push_back(format_date(holiday.day) + " " + std::string(holiday.name));
    return out;
}

std::vector<std::string> dates_of(int year, HolidayRegion region = HolidayRegion::Metropole) {
    std::vector<std::string> out;
    for (const auto& line : holidays_of(year, region))
        out.push_back(line.substr(0, 10));
    return out;
}

bool is_holiday(Date day, HolidayRegion region = HolidayRegion::Metropole) {
    return public_holiday_on(day, region).has_value();
}

} // namespace

TEST_CASE("the 2026 public holidays are the official list, with their names") {
    CHECK(holidays_of(2026) == std::vector<std::string>{
                                   "2026-01-01 Jour de l'an",
                                   "2026-04-06 Lundi de Pâques",
                                   "2026-05-01 Fête du Travail",
                                   "2026-05-08 Victoire 1945",
                                   "2026-05-14 Ascension",
                                   "2026-05-25 Lundi de Pentecôte",
                                   "2026-07-14 Fête nationale",
                                   "2026-08-15 Assomption",
                                   "2026-11-01 Toussaint",
                                   "2026-11-11 Armistice 1918",
                                   "2026-12-25 Noël",
                               });
}

TEST_CASE("the 2024 public holidays are the official list") {
    CHECK(dates_of(2024) == std::vector<std::string>{"2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08",
                                                     "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15",
                                                     "2024-11-01", "2024-11-11", "2024-12-25"});
}

TEST_CASE("the 2025 public holidays are the official list") {
    CHECK(dates_of(2025) == std::vector<std::string>{"2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08",
                                                     "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15",
                                                     "2025-11-01", "2025-11-11", "2025-12-25"});
}

TEST_CASE("the 2027 public holidays are the official list") {
    CHECK(dates_of(2027) == std::vector<std::string>{"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06",
                                                     "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15",
                                                     "2027-11-01", "2027-11-11", "2027-12-25"});
}

TEST_CASE("the 2030 public holidays are the official list") {
    CHECK(dates_of(2030) == std::vector<std::string>{"2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08",
                                                     "2030-05-30", "2030-06-10", "2030-07-14", "2030-08-15",
                                                     "2030-11-01", "2030-11-11", "2030-12-25"});
}

TEST_CASE("a modern year has eleven public holidays, sorted by date") {
    for (int year = 1982; year <= 2200; ++year) {
        auto days = public_holidays(year);
        REQUIRE(days.ok());
        CHECK(days->size() == 11);
        for (std::size_t i = 1; i < days->size(); ++i)
            CHECK((*days)[i - 1].day <= (*days)[i].day); // Ascension may fall on 1 or 8 May
    }
}

TEST_CASE("Easter Sunday falls on the known dates") {
    CHECK(easter_sunday(1900) == 1900y / 4 / 15);
    CHECK(easter_sunday(1943) == 1943y / 4 / 25);
    CHECK(easter_sunday(1961) == 1961y / 4 / 2);
    CHECK(easter_sunday(2000) == 2000y / 4 / 23);
    CHECK(easter_sunday(2008) == 2008y / 3 / 23);
    CHECK(easter_sunday(2011) == 2011y / 4 / 24);
    CHECK(easter_sunday(2016) == 2016y / 3 / 27);
    CHECK(easter_sunday(2019) == 2019y / 4 / 21);
    CHECK(easter_sunday(2024) == 2024y / 3 / 31);
    CHECK(easter_sunday(2038) == 2038y / 4 / 25);
    CHECK(easter_sunday(2200) == 2200y / 4 / 6);
}

TEST_CASE("Easter is always a Sunday between 22 March and 25 April") {
    for (int year = kFirstHolidayYear; year <= kLastHolidayYear; ++year) {
        auto easter = easter_sunday(year);
        CHECK(weekday_of(easter) == std::chrono::Sunday);
        CHECK(std::chrono::year{year} / 3 / 22 <= easter);
        CHECK(easter <= std::chrono::year{year} / 4 / 25);
    }
}

TEST_CASE("8 May is a holiday from 1953 to 1958 and again from 1982") {
    CHECK_FALSE(is_holiday(1952y / 5 / 8));
    CHECK(is_holiday(1953y / 5 / 8));
    CHECK(is_holiday(1955y / 5 / 8));
    CHECK(is_holiday(1958y / 5 / 8));
    // The decree of 11 April 1959 moved the commemoration to a Sunday, before that year's 8 May.
    CHECK_FALSE(is_holiday(1959y / 5 / 8));
    CHECK_FALSE(is_holiday(1970y / 5 / 8));
    CHECK_FALSE(is_holiday(1981y / 5 / 8));
    CHECK(is_holiday(1982y / 5 / 8));
    CHECK(is_holiday(1985y / 5 / 8));
}

TEST_CASE("1 May is a holiday from 1947") {
    CHECK_FALSE(is_holiday(1930y / 5 / 1));
    CHECK_FALSE(is_holiday(1946y / 5 / 1));
    CHECK(is_holiday(1947y / 5 / 1));
    CHECK(is_holiday(1970y / 5 / 1));
}

TEST_CASE("11 November is a holiday from 1922") {
    CHECK_FALSE(is_holiday(1910y / 11 / 11));
    CHECK_FALSE(is_holiday(1921y / 11 / 11));
    CHECK(is_holiday(1922y / 11 / 11));
    CHECK(is_holiday(1930y / 11 / 11));
}

TEST_CASE("1910 has the eight holidays of the time") {
    CHECK(dates_of(1910) == std::vector<std::string>{"1910-01-01", "1910-03-28", "1910-05-05", "1910-05-16",
                                                     "1910-07-14", "1910-08-15", "1910-11-01", "1910-12-25"});
}

TEST_CASE("1970 has 1 May and 11 November but not 8 May") {
    CHECK(dates_of(1970) == std::vector<std::string>{"1970-01-01", "1970-03-30", "1970-05-01", "1970-05-07",
                                                     "1970-05-18", "1970-07-14", "1970-08-15", "1970-11-01",
                                                     "1970-11-11", "1970-12-25"});
}

TEST_CASE("Alsace-Moselle adds Good Friday and 26 December, in date order") {
    CHECK(holidays_of(2026, HolidayRegion::AlsaceMoselle) == std::vector<std::string>{
                                                                 "2026-01-01 Jour de l'an",
                                                                 "2026-04-03 Vendredi saint",
                                                                 "2026-04-06 Lundi de Pâques",
                                                                 "2026-05-01 Fête du Travail",
                                                                 "2026-05-08 Victoire 1945",
                                                                 "2026-05-14 Ascension",
                                                                 "2026-05-25 Lundi de Pentecôte",
                                                                 "2026-07-14 Fête nationale",
                                                                 "2026-08-15 Assomption",
                                                                 "2026-11-01 Toussaint",
                                                                 "2026-11-11 Armistice 1918",
                                                                 "2026-12-25 Noël",
                                                                 "2026-12-26 Saint-Étienne",
                                                             });
    CHECK(is_holiday(2027y / 3 / 26, HolidayRegion::AlsaceMoselle));
    CHECK_FALSE(is_holiday(2027y / 3 / 26));
    CHECK_FALSE(is_holiday(2027y / 12 / 26));
}

TEST_CASE("the holiday on a day is found with its name") {
    auto holiday = public_holiday_on(2026y / 4 / 6);
    REQUIRE(holiday.has_value());
    CHECK(holiday->name == "Lundi de Pâques");
    CHECK_FALSE(public_holiday_on(2026y / 4 / 7).has_value());
    CHECK_FALSE(public_holiday_on(2026y / 4 / 5).has_value()); // Easter Sunday is a Sunday anyway
}

TEST_CASE("when Ascension falls on 1 or 8 May the day is named after the fixed holiday") {
    CHECK(dates_of(2008).size() == 11);
    CHECK(public_holiday_on(2008y / 5 / 1)->name == "Fête du Travail");
    CHECK(public_holiday_on(2059y / 5 / 8)->name == "Victoire 1945");
}

TEST_CASE("years outside 1900 to 2200 are refused with the range in the message") {
    for (int year : {1899, 2201}) {
        auto days = public_holidays(year);
        REQUIRE_FALSE(days.ok());
        CHECK(days.error().message ==
              "the calendar knows the years 1900 to 2200, not " + std::to_string(year));
    }
    CHECK(public_holidays(1900).ok());
    CHECK(public_holidays(2200).ok());
    CHECK_FALSE(public_holiday_on(1899y / 12 / 25).has_value());
    CHECK_FALSE(public_holiday_on(2201y / 1 / 1).has_value());
}
