// A site's calendar: working days counted back over weekends and public holidays, and why a day is
// closed when holidays, school holidays and the town's closures overlap.
#include "badgeuse/core/calendar.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

constexpr auto kWeek = WeekdaySet::monday_to_friday();

std::string before(const Calendar& calendar, Date day, int count, WeekdaySet working_days = kWeek) {
    return format_date(calendar.working_days_before(day, count, working_days));
}

ClosedPeriod holiday(Date first, Date last, std::string label) {
    return {first, last, ClosureKind::SchoolHoliday, std::move(label)};
}

ClosedPeriod closure(Date first, Date last, std::string label) {
    return {first, last, ClosureKind::Closure, std::move(label)};
}

std::string label_on(const Calendar& calendar, Date day) {
    const auto* period = calendar.closed_period(day);
    return period ? period->label : "open";
}

} // namespace

TEST_CASE("two working days before a Wednesday is the Monday") {
    CHECK(before(Calendar{}, 2026y / 3 / 11, 2) == "2026-03-09");
}

TEST_CASE("working days before a Monday or a Tuesday skip the weekend") {
    CHECK(before(Calendar{}, 2026y / 3 / 9, 1) == "2026-03-06");
    CHECK(before(Calendar{}, 2026y / 3 / 9, 2) == "2026-03-05");
    CHECK(before(Calendar{}, 2026y / 3 / 10, 2) == "2026-03-06");
    CHECK(before(Calendar{}, 2026y / 3 / 15, 1) == "2026-03-13"); // from a Sunday
}

TEST_CASE("zero working days before a day is the day itself") {
    CHECK(before(Calendar{}, 2026y / 3 / 8, 0) == "2026-03-08");
}

TEST_CASE("Easter Monday is not a working day") {
    // 6 April 2026 is Easter Monday: two working days before Wednesday 8 April are Tuesday and Friday.
    CHECK(before(Calendar{}, 2026y / 4 / 8, 2) == "2026-04-03");
    CHECK(before(Calendar{}, 2026y / 4 / 7, 1) == "2026-04-03");
    CHECK_FALSE(Calendar{}.is_working_day(2026y / 4 / 6, kWeek));
}

TEST_CASE("in Alsace-Moselle Good Friday is not a working day either") {
    Calendar alsace({}, HolidayRegion::AlsaceMoselle);
    CHECK(alsace.region() == HolidayRegion::AlsaceMoselle);
    CHECK(before(alsace, 2026y / 4 / 8, 2) == "2026-04-02");
    CHECK(before(alsace, 2026y / 12 / 28, 1) == "2026-12-24"); // 25 and 26 December
}

TEST_CASE("1 May, 8 May and Ascension week are counted over") {
    // In 2026, 1 and 8 May are Fridays and Ascension is Thursday 14 May.
    CHECK(before(Calendar{}, 2026y / 5 / 4, 2) == "2026-04-29");
    CHECK(before(Calendar{}, 2026y / 5 / 11, 2) == "2026-05-06");
    CHECK(before(Calendar{}, 2026y / 5 / 15, 2) == "2026-05-12");
    CHECK(before(Calendar{}, 2026y / 5 / 18, 2) == "2026-05-13");
    // In 2027, 1 and 8 May are Saturdays; Ascension is Thursday 6 May.
    CHECK(before(Calendar{}, 2027y / 5 / 7, 2) == "2027-05-04");
}

TEST_CASE("working days are counted back across the new year") {
    // 1 January 2027 is a Friday, 25 December 2026 too.
    CHECK(before(Calendar{}, 2027y / 1 / 4, 2) == "2026-12-30");
    CHECK(before(Calendar{}, 2027y / 1 / 5, 2) == "2026-12-31");
    CHECK(before(Calendar{}, 2026y / 12 / 28, 1) == "2026-12-24");
}

TEST_CASE("school holidays and closures are working days for the deadline") {
    Calendar calendar({holiday(2026y / 10 / 17, 2026y / 11 / 1, "Vacances de la Toussaint"),
                       closure(2026y / 11 / 2, 2026y / 11 / 2, "Journée pédagogique")});
    CHECK(calendar.is_working_day(2026y / 10 / 20, kWeek));
    CHECK(calendar.is_working_day(2026y / 11 / 2, kWeek));
    CHECK(before(calendar, 2026y / 11 / 3, 2) == "2026-10-30");
}

TEST_CASE("the working days are configuration: without Wednesday, Wednesday is skipped") {
    auto school_week = WeekdaySet::school_week();
    CHECK(before(Calendar{}, 2026y / 3 / 12, 1, school_week) == "2026-03-10");
    CHECK_FALSE(Calendar{}.is_working_day(2026y / 3 / 11, school_week));
    CHECK(before(Calendar{}, 2026y / 3 / 14, 1, WeekdaySet::all()) == "2026-03-13");
}

TEST_CASE("with no working days at all the day itself is returned rather than looping") {
    CHECK(before(Calendar{}, 2026y / 3 / 11, 2, WeekdaySet{}) == "2026-03-11");
}

TEST_CASE("a public holiday inside a school holiday is given as the public holiday") {
    Calendar calendar({holiday(2026y / 4 / 4, 2026y / 4 / 19, "Vacances de printemps")});
    auto easter_monday = calendar.closure(2026y / 4 / 6);
    REQUIRE(easter_monday.has_value());
    CHECK(easter_monday->reason == DayClosure::Reason::PublicHoliday);
    CHECK(easter_monday->label == "Lundi de Pâques");
    auto tuesday = calendar.closure(2026y / 4 / 7);
    REQUIRE(tuesday.has_value());
    CHECK(tuesday->reason == DayClosure::Reason::SchoolHoliday);
    CHECK(tuesday->label == "Vacances de printemps");
}

TEST_CASE("a closure day is given as a closure with its label, an ordinary day as open") {
    Calendar calendar({closure(2026y / 5 / 15, 2026y / 5 / 15, "Pont de l'Ascension (mairie)")});
    auto bridge = calendar.closure(2026y / 5 / 15);
    REQUIRE(bridge.has_value());
    CHECK(bridge->reason == DayClosure::Reason::Closure);
    CHECK(bridge->label == "Pont de l'Ascension (mairie)");
    CHECK_FALSE(calendar.closure(2026y / 5 / 12).has_value());
    CHECK(calendar.closure(2026y / 5 / 14)->reason == DayClosure::Reason::PublicHoliday);
}

TEST_CASE("periods given in any order are kept sorted by first day") {
    Calendar calendar({holiday(2027y / 2 / 20, 2027y / 3 / 7, "Vacances d'hiver"),
                       holiday(2026y / 10 / 17, 2026y / 11 / 1, "Vacances de la Toussaint"),
                       holiday(2026y / 12 / 19, 2027y / 1 / 3, "Vacances de Noël")});
    REQUIRE(calendar.closed_periods().size() == 3);
    CHECK(calendar.closed_periods()[0].label == "Vacances de la Toussaint");
    CHECK(calendar.closed_periods()[1].label == "Vacances de Noël");
    CHECK(calendar.closed_periods()[2].label == "Vacances d'hiver");
}

TEST_CASE("a closure inside a school holiday is found on its days, the holiday around it elsewhere") {
    Calendar calendar({holiday(2026y / 10 / 17, 2026y / 11 / 1, "Vacances de la Toussaint"),
                       closure(2026y / 10 / 20, 2026y / 10 / 21, "Travaux de la cantine")});
    CHECK(label_on(calendar, 2026y / 10 / 16) == "open");
    CHECK(label_on(calendar, 2026y / 10 / 17) == "Vacances de la Toussaint");
    CHECK(label_on(calendar, 2026y / 10 / 20) == "Travaux de la cantine");
    CHECK(label_on(calendar, 2026y / 10 / 21) == "Travaux de la cantine");
    CHECK(label_on(calendar, 2026y / 10 / 22) == "Vacances de la Toussaint");
    CHECK(label_on(calendar, 2026y / 11 / 1) == "Vacances de la Toussaint");
    CHECK(label_on(calendar, 2026y / 11 / 2) == "open");
    CHECK(calendar.closure(2026y / 10 / 20)->reason == DayClosure::Reason::Closure);
}

TEST_CASE("a long period is found after a short one that started later has ended") {
    Calendar calendar({closure(2026y / 10 / 5, 2026y / 10 / 6, "Grève"),
                       closure(2026y / 10 / 1, 2026y / 10 / 31, "Travaux"),
                       closure(2026y / 10 / 10, 2026y / 10 / 10, "Élections")});
    CHECK(label_on(calendar, 2026y / 10 / 3) == "Travaux");
    CHECK(label_on(calendar, 2026y / 10 / 5) == "Grève");
    CHECK(label_on(calendar, 2026y / 10 / 8) == "Travaux");
    CHECK(label_on(calendar, 2026y / 10 / 10) == "Élections");
    CHECK(label_on(calendar, 2026y / 10 / 20) == "Travaux");
    CHECK(label_on(calendar, 2026y / 11 / 1) == "open");
}

TEST_CASE("of two periods starting the same day, the one listed last is found") {
    Calendar calendar({holiday(2026y / 12 / 19, 2027y / 1 / 3, "Vacances de Noël"),
                       closure(2026y / 12 / 19, 2026y / 12 / 19, "Fermeture exceptionnelle")});
    CHECK(label_on(calendar, 2026y / 12 / 19) == "Fermeture exceptionnelle");
    CHECK(label_on(calendar, 2026y / 12 / 20) == "Vacances de Noël");
}
