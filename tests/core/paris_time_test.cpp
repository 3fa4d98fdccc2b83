// Europe/Paris time: offsets on both sides of the summer-time changes, local times that occur never or
// twice, and ISO 8601 text in and out.
#include "badgeuse/core/paris_time.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

Instant utc(Date day, std::chrono::milliseconds since_midnight) {
    return Instant{std::chrono::sys_days{day}} + since_midnight;
}

std::string iso(Instant at) {
    return paris::format_iso8601(at);
}

std::string error_of(std::string_view text) {
    auto parsed = paris::parse_iso8601(text);
    return parsed ? "no error" : parsed.error().message;
}

} // namespace

TEST_CASE("summer time begins on 29 March 2026 at 01:00 UTC") {
    CHECK(paris::utc_offset(utc(2026y / 3 / 29, 1h - 1s)) == 1h);
    CHECK(paris::utc_offset(utc(2026y / 3 / 29, 1h)) == 2h);
    CHECK(iso(utc(2026y / 3 / 29, 1h - 1s)) == "2026-03-29T01:59:59+01:00");
    CHECK(iso(utc(2026y / 3 / 29, 1h)) == "2026-03-29T03:00:00+02:00");
    CHECK_FALSE(paris::is_summer_time(utc(2026y / 3 / 28, 12h)));
    CHECK(paris::is_summer_time(utc(2026y / 3 / 30, 12h)));
}

TEST_CASE("summer time ends on 25 October 2026 at 01:00 UTC") {
    CHECK(paris::utc_offset(utc(2026y / 10 / 25, 1h - 1s)) == 2h);
    CHECK(paris::utc_offset(utc(2026y / 10 / 25, 1h)) == 1h);
    CHECK(iso(utc(2026y / 10 / 25, 1h - 1s)) == "2026-10-25T02:59:59+02:00");
    CHECK(iso(utc(2026y / 10 / 25, 1h)) == "2026-10-25T02:00:00+01:00");
}

TEST_CASE("in 2027 summer time runs from 28 March to 31 October") {
    CHECK(paris::utc_offset(utc(2027y / 3 / 28, 1h - 1ms)) == 1h);
    CHECK(paris::utc_offset(utc(2027y / 3 / 28, 1h)) == 2h);
    CHECK(paris::utc_offset(utc(2027y / 10 / 31, 1h - 1ms)) == 2h);
    CHECK(paris::utc_offset(utc(2027y / 10 / 31, 1h)) == 1h);
    // The last Sunday of the month, not the first after the 24th: 24 October 2027 is also a Sunday.
    CHECK(paris::utc_offset(utc(2027y / 10 / 24, 12h)) == 2h);
}

TEST_CASE("the rules of other years: September ends until 1995, October from 1996") {
    CHECK(paris::utc_offset(utc(1995y / 9 / 24, 1h - 1s)) == 2h);
    CHECK(paris::utc_offset(utc(1995y / 9 / 24, 1h)) == 1h);
    CHECK(paris::utc_offset(utc(1996y / 10 / 27, 1h - 1s)) == 2h);
    CHECK(paris::utc_offset(utc(1996y / 10 / 27, 1h)) == 1h);
    CHECK(paris::utc_offset(utc(1975y / 7 / 1, 12h)) == 1h);
}

TEST_CASE("in 1976 the clocks changed at 01:00 local time, from 1977 at 01:00 UTC") {
    CHECK(paris::utc_offset(utc(1976y / 3 / 27, 24h - 1s)) == 1h);
    CHECK(paris::utc_offset(utc(1976y / 3 / 28, 0h)) == 2h);
    CHECK(paris::utc_offset(utc(1976y / 9 / 25, 23h - 1s)) == 2h);
    CHECK(paris::utc_offset(utc(1976y / 9 / 25, 23h)) == 1h);
    CHECK(paris::utc_offset(utc(1977y / 4 / 3, 1h - 1s)) == 1h);
    CHECK(paris::utc_offset(utc(1977y / 4 / 3, 1h)) == 2h);
    CHECK(paris::utc_offset(utc(1980y / 9 / 28, 1h - 1s)) == 2h);
    CHECK(paris::utc_offset(utc(1980y / 9 / 28, 1h)) == 1h);
}

TEST_CASE("a local time in the March gap moves an hour forward: 02:30 is 03:30 CEST") {
    for (auto rule : {paris::Ambiguity::Earlier, paris::Ambiguity::Later}) {
        auto at = paris::to_instant(2026y / 3 / 29, 2h + 30min, rule);
        CHECK(at == utc(2026y / 3 / 29, 1h + 30min));
        CHECK(iso(at) == "2026-03-29T03:30:00+02:00");
    }
    CHECK(iso(paris::to_instant(2026y / 3 / 29, TimeOfDay::at(1, 59))) == "2026-03-29T01:59:00+01:00");
    CHECK(iso(paris::to_instant(2026y / 3 / 29, TimeOfDay::at(3, 0))) == "2026-03-29T03:00:00+02:00");
}

TEST_CASE("a local time in the October repeat is the summer one first, the winter one later") {
    auto earlier = paris::to_instant(2026y / 10 / 25, 2h + 30min, paris::Ambiguity::Earlier);
    auto later = paris::to_instant(2026y / 10 / 25, 2h + 30min, paris::Ambiguity::Later);
    CHECK(earlier == utc(2026y / 10 / 25, 30min));
    CHECK(later == utc(2026y / 10 / 25, 1h + 30min));
    CHECK(iso(earlier) == "2026-10-25T02:30:00+02:00");
    CHECK(iso(later) == "2026-10-25T02:30:00+01:00");
    // Outside the repeated hour the rule changes nothing.
    CHECK(paris::to_instant(2026y / 10 / 25, 3h, paris::Ambiguity::Earlier) ==
          paris::to_instant(2026y / 10 / 25, 3h, paris::Ambiguity::Later));
}

TEST_CASE("a local time converts to the instant and back, every quarter hour around the 2027 changes") {
    for (Date day : {2027y / 3 / 27, 2027y / 3 / 28, 2027y / 10 / 31, 2027y / 11 / 1}) {
        for (auto t = 0min; t < 24h; t += 15min) {
            bool in_gap = day == 2027y / 3 / 28 && t >= 2h && t < 3h;
            if (in_gap)
                continue;
            auto local = paris::to_local(paris::to_instant(day, t, paris::Ambiguity::Later));
            CHECK(local.date == day);
            CHECK(local.time_of_day == t);
        }
    }
}

TEST_CASE("an instant is written with the Paris offset of that moment") {
    CHECK(iso(utc(2027y / 5 / 4, 8h)) == "2027-05-04T10:00:00+02:00");
    CHECK(iso(utc(2027y / 1 / 15, 6h + 5min + 9s + 999ms)) == "2027-01-15T07:05:09+01:00");
    CHECK(paris::format_hhmm(utc(2027y / 5 / 4, 8h + 42min)) == "10:42");
}

TEST_CASE("the new year comes an hour earlier in Paris than in UTC") {
    auto at = utc(2026y / 12 / 31, 23h + 30min);
    CHECK(iso(at) == "2027-01-01T00:30:00+01:00");
    CHECK(paris::local_date(at) == 2027y / 1 / 1);
    CHECK(paris::local_date(utc(2026y / 12 / 31, 22h + 59min)) == 2026y / 12 / 31);
    CHECK(paris::to_instant(2027y / 1 / 1, TimeOfDay::at(0, 30)) == at);
}

TEST_CASE("ISO 8601 text with Z, a positive or a negative offset names the same instant") {
    auto expected = utc(2027y / 5 / 4, 8h);
    CHECK(*paris::parse_iso8601("2027-05-04T08:00:00Z") == expected);
    CHECK(*paris::parse_iso8601("2027-05-04T10:00:00+02:00") == expected);
    CHECK(*paris::parse_iso8601("2027-05-04T03:00:00-05:00") == expected);
    CHECK(*paris::parse_iso8601("2027-05-04T13:30:00+05:30") == expected);
    CHECK(*paris::parse_iso8601("2027-05-04 10:00:00+02:00") == expected);
    CHECK(*paris::parse_iso8601("2027-05-03T23:00:00-09:00") == expected);
}

TEST_CASE("ISO 8601 fractions of a second are kept to the millisecond") {
    CHECK(*paris::parse_iso8601("2027-05-04T08:00:00.250Z") == utc(2027y / 5 / 4, 8h + 250ms));
    CHECK(*paris::parse_iso8601("2027-05-04T08:00:00,5Z") == utc(2027y / 5 / 4, 8h + 500ms));
    CHECK(*paris::parse_iso8601("2027-05-04T10:00:00.123456+02:00") == utc(2027y / 5 / 4, 8h + 123ms));
}

TEST_CASE("formatted instants parse back to themselves") {
    for (auto at : {utc(2026y / 3 / 29, 1h), utc(2026y / 10 / 25, 30min), utc(2026y / 10 / 25, 1h + 30min),
                    utc(2026y / 12 / 31, 23h + 59min + 59s), utc(2027y / 7 / 14, 12h)})
        CHECK(*paris::parse_iso8601(iso(at)) == at);
}

TEST_CASE("bad ISO 8601 text is refused and the message names the problem") {
    using Catch::Contains;
    CHECK_THAT(error_of("2027-05-04T10:00:00"), Contains("no offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00.5"), Contains("no offset"));
    CHECK_THAT(error_of("2027-05-04"), Contains("too short"));
    CHECK_THAT(error_of("2027-05-04X10:00:00Z"), Contains("no T"));
    CHECK_THAT(error_of("2027-13-04T10:00:00Z"), Contains("no month 13"));
    CHECK_THAT(error_of("2027-02-29T10:00:00Z"), Contains("no such day"));
    CHECK_THAT(error_of("2027-05-04T25:00:00Z"), Contains("no such time of day"));
    CHECK_THAT(error_of("2027-05-04T10:60:00Z"), Contains("no such time of day"));
    CHECK_THAT(error_of("2027-05-04T10h00:00Z"), Contains("time of day"));
    CHECK_THAT(error_of("2027-05-04T10:00:00.Z"), Contains("empty fraction"));
    CHECK_THAT(error_of("2027-05-04T10:00:00+2:00"), Contains("offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00+02:60"), Contains("offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00+0200"), Contains("offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00Zjunk"), Contains("offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00 CET"), Contains("offset"));
    CHECK_THAT(error_of("2027-05-04T10:00:00+02:00"), Contains("no error"));
}
