// The booking deadline: two working days before, 10:00 Europe/Paris, around holidays, weekends, DST.
#include "badgeuse/core/deadline.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}
Instant at(const char* text) {
    return *paris::parse_iso8601(text);
}
std::string deadline_of(const char* d, const DeadlineRule& rule = {}) {
    return paris::format_iso8601(booking_deadline(day(d), rule, Calendar{}));
}

// An independent statement of the rule: the deadline's day is a working day, before D, and exactly
// `n` working days lie in [deadline day, D).
int working_days_in(Date from, Date to_exclusive, const Calendar& calendar) {
    int n = 0;
    for (Date d = from; d < to_exclusive; d = add_days(d, 1))
        n += calendar.is_working_day(d, WeekdaySet::monday_to_friday()) ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("a meal on Thursday can be changed until Tuesday 10:00") {
    CHECK(deadline_of("2026-12-10") == "2026-12-08T10:00:00+01:00");
}

TEST_CASE("a meal on Monday can be changed until the Thursday before, over the weekend") {
    CHECK(deadline_of("2026-12-07") == "2026-12-03T10:00:00+01:00");
    CHECK(deadline_of("2026-12-08") == "2026-12-04T10:00:00+01:00");
}

TEST_CASE("the deadline is strict: 09:59:59 is accepted, 10:00:00 is too late") {
    auto deadline = booking_deadline(day("2026-12-10"), {}, Calendar{});
    CHECK(before_deadline(at("2026-12-08T09:59:59+01:00"), deadline));
    CHECK_FALSE(before_deadline(at("2026-12-08T10:00:00+01:00"), deadline));
    CHECK_FALSE(before_deadline(at("2026-12-09T08:00:00+01:00"), deadline));
}

TEST_CASE("public holidays are skipped when counting working days back") {
    // New year 2027: Friday 1 January is a holiday.
    CHECK(deadline_of("2027-01-04") == "2026-12-30T10:00:00+01:00");
    CHECK(deadline_of("2027-01-05") == "2026-12-31T10:00:00+01:00");
    // Christmas 2026 is a Friday.
    CHECK(deadline_of("2026-12-28") == "2026-12-23T10:00:00+01:00");
    // Easter Monday 29 March 2027.
    CHECK(deadline_of("2027-03-30") == "2027-03-25T10:00:00+01:00");
    CHECK(deadline_of("2027-03-31") == "2027-03-26T10:00:00+01:00");
    CHECK(deadline_of("2027-04-01") == "2027-03-30T10:00:00+02:00");
    // Ascension, Thursday 6 May 2027.
    CHECK(deadline_of("2027-05-07") == "2027-05-04T10:00:00+02:00");
    CHECK(deadline_of("2027-05-10") == "2027-05-05T10:00:00+02:00");
    // Whit Monday 17 May 2027.
    CHECK(deadline_of("2027-05-18") == "2027-05-13T10:00:00+02:00");
    CHECK(deadline_of("2027-05-19") == "2027-05-14T10:00:00+02:00");
    // 14 July 2027 is a Wednesday.
    CHECK(deadline_of("2027-07-16") == "2027-07-13T10:00:00+02:00");
    // All Saints, Monday 1 November 2027, the day after the change to winter time.
    CHECK(deadline_of("2027-11-02") == "2027-10-28T10:00:00+02:00");
    CHECK(deadline_of("2027-11-03") == "2027-10-29T10:00:00+02:00");
    CHECK(deadline_of("2027-11-04") == "2027-11-02T10:00:00+01:00");
    // Armistice, Thursday 11 November 2027.
    CHECK(deadline_of("2027-11-12") == "2027-11-09T10:00:00+01:00");
    CHECK(deadline_of("2027-11-15") == "2027-11-10T10:00:00+01:00");
    // 1 and 8 May 2026 are Fridays.
    CHECK(deadline_of("2026-05-04") == "2026-04-29T10:00:00+02:00");
    CHECK(deadline_of("2026-05-11") == "2026-05-06T10:00:00+02:00");
}

TEST_CASE("the deadline keeps 10:00 local time across both daylight-saving changes") {
    // Summer time starts on Sunday 29 March 2026.
    CHECK(deadline_of("2026-03-31") == "2026-03-27T10:00:00+01:00");
    CHECK(deadline_of("2026-04-01") == "2026-03-30T10:00:00+02:00");
    CHECK(booking_deadline(day("2026-04-01"), {}, Calendar{}) == at("2026-03-30T08:00:00Z"));
    // Winter time comes back on Sunday 25 October 2026.
    CHECK(deadline_of("2026-10-27") == "2026-10-23T10:00:00+02:00");
    CHECK(deadline_of("2026-10-28") == "2026-10-26T10:00:00+01:00");
    CHECK(booking_deadline(day("2026-10-28"), {}, Calendar{}) == at("2026-10-26T09:00:00Z"));
}

TEST_CASE("every day of 2027 has its deadline two working days before, whatever the holidays") {
    Calendar calendar;
    for (Date d = day("2027-01-01"); d <= day("2027-12-31"); d = add_days(d, 1)) {
        auto deadline = booking_deadline(d, {}, calendar);
        auto local = paris::to_local(deadline);
        INFO(format_date(d) << " -> " << paris::format_iso8601(deadline));
        CHECK(local.time_of_day == std::chrono::hours{10});
        CHECK(local.date < d);
        CHECK(calendar.is_working_day(local.date, WeekdaySet::monday_to_friday()));
        CHECK(working_days_in(local.date, d, calendar) == 2);
        CHECK(days_between(local.date, d) <= 6);
    }
}

TEST_CASE("the number of days, the hour and the working days come from configuration") {
    DeadlineRule rule;
    rule.working_days_before = 3;
    rule.hour = TimeOfDay::at(9, 30);
    CHECK(deadline_of("2026-12-10", rule) == "2026-12-07T09:30:00+01:00");
    rule.working_days = WeekdaySet::monday_to_friday().add(std::chrono::Saturday);
    rule.working_days_before = 2;
    // Monday: Saturday then Friday.
    CHECK(deadline_of("2026-12-07", rule) == "2026-12-04T09:30:00+01:00");
    rule.working_days_before = 0;
    CHECK(deadline_of("2026-12-07", rule) == "2026-12-07T09:30:00+01:00");
}

TEST_CASE("the booking window says open until when, closed since when, or that nothing runs") {
    Activity meal = canteen(ActivityId{2});
    Calendar calendar(
        {{day("2026-12-19"), day("2027-01-03"), ClosureKind::SchoolHoliday, "Vacances de Noël"}});

    auto open = booking_window(meal, day("2026-12-10"), at("2026-12-07T18:00:00+01:00"), calendar);
    CHECK(open.state == BookingWindow::State::Open);
    CHECK(paris::format_iso8601(open.deadline) == "2026-12-08T10:00:00+01:00");

    auto late = booking_window(meal, day("2026-12-10"), at("2026-12-08T10:00:00+01:00"), calendar);
    CHECK(late.state == BookingWindow::State::DeadlinePassed);

    auto wednesday = booking_window(meal, day("2026-12-09"), at("2026-12-01T08:00:00+01:00"), calendar);
    CHECK(wednesday.state == BookingWindow::State::NoService);
    CHECK_FALSE(wednesday.closure.has_value());

    auto holiday = booking_window(meal, day("2026-12-22"), at("2026-12-01T08:00:00+01:00"), calendar);
    CHECK(holiday.state == BookingWindow::State::NoService);
    REQUIRE(holiday.closure.has_value());
    CHECK(holiday.closure->label == "Vacances de Noël");

    auto christmas = booking_window(meal, day("2026-12-25"), at("2026-12-01T08:00:00+01:00"), calendar);
    REQUIRE(christmas.closure.has_value());
    CHECK(christmas.closure->reason == DayClosure::Reason::PublicHoliday);
}
