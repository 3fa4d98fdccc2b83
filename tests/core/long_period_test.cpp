// Long-period requests: a date range x weekdays x activities -> each day's outcome.
#include "badgeuse/core/long_period.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace badgeuse;
using Outcome = LongPeriodDay::Outcome;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}
Instant at(const char* text) {
    return *paris::parse_iso8601(text);
}

const std::vector<Activity> kActivities = {morning_care(ActivityId{1}), canteen(ActivityId{2}),
                                           evening_care(ActivityId{3})};

Calendar december_calendar() {
    return Calendar({{day("2026-12-19"), day("2027-01-03"), ClosureKind::SchoolHoliday, "Vacances de Noël"},
                     {day("2026-12-11"), day("2026-12-11"), ClosureKind::Closure, "Journée pédagogique"}});
}

std::map<std::string, Outcome> outcomes_by_day(const LongPeriodPlan& plan) {
    std::map<std::string, Outcome> out;
    for (const auto& d : plan.days)
        out[format_date(d.day)] = d.outcome;
    return out;
}

} // namespace

TEST_CASE("a month of canteen across the Christmas holidays and a closure books only the open days") {
    std::set<Date> booked = {day("2026-12-14")};
    LongPeriodRequest request{ChildId{7},        day("2026-12-07"),
                              day("2027-01-08"), WeekdaySet::monday_to_friday(),
                              {ActivityId{2}},   BookingAction::Book};
    auto plan = plan_long_period(request, kActivities, december_calendar(), at("2026-12-08T11:00:00+01:00"),
                                 [&](ActivityId, Date d) { return booked.contains(d); });
    REQUIRE(plan.ok());
    auto by_day = outcomes_by_day(*plan);

    // The deadline of the 7th, 8th and 10th has passed at 11:00 on the 8th.
    CHECK(by_day.at("2026-12-07") == Outcome::TooLate);
    CHECK(by_day.at("2026-12-08") == Outcome::TooLate);
    CHECK(by_day.at("2026-12-10") == Outcome::TooLate);
    CHECK(by_day.at("2026-12-09") == Outcome::NotRunThatDay); // Wednesday
    CHECK(by_day.at("2026-12-11") == Outcome::Closed);        // the town's closure
    CHECK(by_day.at("2026-12-14") == Outcome::AlreadyDone);
    CHECK(by_day.at("2026-12-15") == Outcome::WillChange);
    CHECK(by_day.at("2026-12-18") == Outcome::WillChange);
    CHECK(by_day.at("2026-12-21") == Outcome::Closed);
    CHECK(by_day.at("2026-12-23") == Outcome::Closed); // a Wednesday in the holidays: closed says more
    CHECK(by_day.at("2027-01-04") == Outcome::WillChange);
    CHECK(by_day.at("2027-01-06") == Outcome::NotRunThatDay);
    CHECK(by_day.at("2027-01-08") == Outcome::WillChange);
    CHECK_FALSE(by_day.contains("2026-12-12")); // weekends are not asked for

    // Christmas and New Year's Day are public holidays, named as such even inside the school holiday.
    for (const auto& d : plan->days)
        if (d.day == day("2026-12-25") || d.day == day("2027-01-01")) {
            REQUIRE(d.closure.has_value());
            CHECK(d.closure->reason == DayClosure::Reason::PublicHoliday);
        }

    CHECK(plan->count(Outcome::WillChange) == 7); // 15, 17, 18 Dec; 4, 5, 7, 8 Jan
    CHECK(plan->changes().size() == 7);
    CHECK(plan->count(Outcome::TooLate) == 3);
    for (const auto& change : plan->changes())
        CHECK(change.deadline > at("2026-12-08T11:00:00+01:00"));
}

TEST_CASE("cancelling a period only touches the booked days, and says which are too late") {
    std::set<Date> booked = {day("2026-12-08"), day("2026-12-17"), day("2026-12-18")};
    LongPeriodRequest request{ChildId{7},        day("2026-12-07"),
                              day("2026-12-18"), WeekdaySet::school_week(),
                              {ActivityId{2}},   BookingAction::Cancel};
    auto plan = plan_long_period(request, kActivities, december_calendar(), at("2026-12-08T11:00:00+01:00"),
                                 [&](ActivityId, Date d) { return booked.contains(d); });
    REQUIRE(plan.ok());
    auto by_day = outcomes_by_day(*plan);
    CHECK(by_day.at("2026-12-07") == Outcome::AlreadyDone); // not booked, nothing to cancel, even if late
    CHECK(by_day.at("2026-12-08") == Outcome::TooLate);
    CHECK(by_day.at("2026-12-15") == Outcome::AlreadyDone);
    CHECK(by_day.at("2026-12-17") == Outcome::WillChange);
    CHECK(by_day.at("2026-12-18") == Outcome::WillChange);
    CHECK_FALSE(by_day.contains("2026-12-09")); // Wednesday not asked for
}

TEST_CASE("a request for several activities lists each day once per activity") {
    LongPeriodRequest request{ChildId{7},
                              day("2027-01-04"),
                              day("2027-01-08"),
                              WeekdaySet::school_week(),
                              {ActivityId{1}, ActivityId{3}},
                              BookingAction::Book};
    auto plan = plan_long_period(request, kActivities, december_calendar(), at("2026-12-20T12:00:00+01:00"),
                                 [](ActivityId, Date) { return false; });
    REQUIRE(plan.ok());
    REQUIRE(plan->days.size() == 8);
    CHECK(plan->days[0].activity == ActivityId{1});
    CHECK(plan->days[1].activity == ActivityId{3});
    CHECK(plan->count(Outcome::WillChange) == 8);
}

TEST_CASE("impossible long-period requests are refused with a reason") {
    auto none = [](ActivityId, Date) { return false; };
    Calendar calendar;
    Instant now = at("2026-12-01T08:00:00+01:00");
    LongPeriodRequest reversed{ChildId{1},        day("2027-01-08"),
                               day("2027-01-04"), WeekdaySet::school_week(),
                               {ActivityId{2}},   BookingAction::Book};
    auto r1 = plan_long_period(reversed, kActivities, calendar, now, none);
    REQUIRE_FALSE(r1.ok());
    CHECK_THAT(r1.error().message, Catch::Contains("before it starts"));

    LongPeriodRequest too_long = reversed;
    too_long.from = day("2027-01-01");
    too_long.to = day("2028-01-05");
    CHECK_THAT(plan_long_period(too_long, kActivities, calendar, now, none).error().message,
               Catch::Contains("at most 366 days"));

    LongPeriodRequest no_days = reversed;
    std::swap(no_days.from, no_days.to);
    no_days.weekdays = WeekdaySet{};
    CHECK_THAT(plan_long_period(no_days, kActivities, calendar, now, none).error().message,
               Catch::Contains("weekday"));

    LongPeriodRequest unknown = reversed;
    std::swap(unknown.from, unknown.to);
    unknown.activities = {ActivityId{99}};
    CHECK_THAT(plan_long_period(unknown, kActivities, calendar, now, none).error().message,
               Catch::Contains("activity 99"));
}
