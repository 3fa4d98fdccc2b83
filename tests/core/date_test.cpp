// Dates, weekday sets, times of day, UUIDs, badge UIDs, diets and subscriber codes: the small
// vocabulary types every rule and every file format stands on.
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/core/uuid.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

std::string error_of(const Result<Date>& result) {
    return result ? "no error" : result.error().message;
}

} // namespace

TEST_CASE("a date is written and read as YYYY-MM-DD") {
    CHECK(format_date(2027y / 5 / 4) == "2027-05-04");
    CHECK(format_date(999y / 1 / 1) == "0999-01-01");
    auto date = parse_date("2027-05-04");
    REQUIRE(date.ok());
    CHECK(*date == 2027y / 5 / 4);
    for (const char* text : {"2026-01-01", "2026-12-31", "1900-02-28", "2200-12-31"})
        CHECK(format_date(*parse_date(text)) == text);
}

TEST_CASE("29 February is a date in a leap year only") {
    CHECK(parse_date("2028-02-29").ok());
    CHECK(parse_date("2000-02-29").ok());
    CHECK(error_of(parse_date("2027-02-29")) == "no such day: '2027-02-29'");
    CHECK(error_of(parse_date("2100-02-29")) == "no such day: '2100-02-29'");
}

TEST_CASE("a date must have four-digit year, two-digit month and two-digit day") {
    CHECK(error_of(parse_date("2027-1-5")) == "expected a date as YYYY-MM-DD, got '2027-1-5'");
    CHECK(error_of(parse_date("2027/01/05")) == "expected a date as YYYY-MM-DD, got '2027/01/05'");
    CHECK(error_of(parse_date("27-01-2027")) == "expected a date as YYYY-MM-DD, got '27-01-2027'");
    CHECK(error_of(parse_date(" 2027-01-05")) == "expected a date as YYYY-MM-DD, got ' 2027-01-05'");
    CHECK(error_of(parse_date("2027-01-+5")) == "expected a date as YYYY-MM-DD, got '2027-01-+5'");
    CHECK(error_of(parse_date("")) == "expected a date as YYYY-MM-DD, got ''");
    CHECK(error_of(parse_date("tomorrow!!")) == "expected a date as YYYY-MM-DD, got 'tomorrow!!'");
}

TEST_CASE("a date names a month from 1 to 12 and a day that month has") {
    CHECK(error_of(parse_date("2027-13-01")) == "no month 13 in '2027-13-01'");
    CHECK(error_of(parse_date("2027-00-10")) == "no month 0 in '2027-00-10'");
    CHECK(error_of(parse_date("2027-04-31")) == "no such day: '2027-04-31'");
    CHECK(error_of(parse_date("2027-04-00")) == "no such day: '2027-04-00'");
}

TEST_CASE("day arithmetic crosses months and years") {
    CHECK(add_days(2026y / 12 / 31, 1) == 2027y / 1 / 1);
    CHECK(add_days(2028y / 3 / 1, -1) == 2028y / 2 / 29);
    CHECK(days_between(2026y / 12 / 25, 2027y / 1 / 4) == 10);
    CHECK(days_between(2027y / 1 / 4, 2026y / 12 / 25) == -10);
    CHECK(weekday_of(2027y / 5 / 4) == std::chrono::Tuesday);
}

TEST_CASE("weekday keys are read and written in English three-letter form") {
    CHECK(weekday_key(std::chrono::Monday) == "mon");
    CHECK(weekday_key(std::chrono::Sunday) == "sun");
    CHECK(weekday_name_fr(std::chrono::Wednesday) == "mercredi");
    for (unsigned i = 0; i < 7; ++i) {
        auto day = std::chrono::weekday{i};
        auto parsed = parse_weekday_key(weekday_key(day));
        REQUIRE(parsed.ok());
        CHECK(*parsed == day);
    }
    auto bad = parse_weekday_key("lun");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "expected a weekday among mon, tue, wed, thu, fri, sat, sun, got 'lun'");
    CHECK_FALSE(parse_weekday_key("Mon").ok());
}

TEST_CASE("a weekday set is written Monday first and reads back the same, for every set") {
    CHECK(WeekdaySet::school_week().to_keys() == "mon,tue,thu,fri");
    CHECK(WeekdaySet::monday_to_friday().to_keys() == "mon,tue,wed,thu,fri");
    CHECK(WeekdaySet::all().to_keys() == "mon,tue,wed,thu,fri,sat,sun");
    CHECK(WeekdaySet{}.to_keys().empty());
    for (unsigned bits = 0; bits < 128; ++bits) {
        auto set = WeekdaySet::from_bits(static_cast<std::uint8_t>(bits));
        auto parsed = WeekdaySet::parse_keys(set.to_keys());
        REQUIRE(parsed.ok());
        CHECK(*parsed == set);
    }
}

TEST_CASE("a weekday set's keys may have spaces around them, in any order") {
    auto set = WeekdaySet::parse_keys(" fri , mon,tue ,thu");
    REQUIRE(set.ok());
    CHECK(*set == WeekdaySet::school_week());
}

TEST_CASE("a weekday set with an unknown key or an empty item is refused") {
    auto unknown = WeekdaySet::parse_keys("mon,tues");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message ==
          "expected a weekday among mon, tue, wed, thu, fri, sat, sun, got 'tues'");
    CHECK_FALSE(WeekdaySet::parse_keys("mon,,tue").ok());
    CHECK_FALSE(WeekdaySet::parse_keys("mon,tue,").ok());
    CHECK_FALSE(WeekdaySet::parse_keys(",mon").ok());
}

TEST_CASE("a time of day reads H:MM or HH:MM from 00:00 to 23:59") {
    CHECK(TimeOfDay::parse("00:00")->minutes == 0);
    CHECK(TimeOfDay::parse("23:59")->minutes == 23 * 60 + 59);
    CHECK(*TimeOfDay::parse("7:05") == TimeOfDay::at(7, 5));
    CHECK(TimeOfDay::parse("07:05")->to_string() == "07:05");
    CHECK(TimeOfDay::at(10).since_midnight() == 10h);
    for (const char* bad :
         {"24:00", "23:60", "7:5", "07:5", "0700", "07:00:00", "123:00", ":30", "-1:00", "", "aa:bb"}) {
        auto parsed = TimeOfDay::parse(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message ==
              "expected a time as HH:MM between 00:00 and 23:59, got '" + std::string(bad) + "'");
    }
}

TEST_CASE("a UUID reads in any case and is written in lower case") {
    auto id = Uuid::parse("123E4567-E89B-12D3-A456-426614174000");
    REQUIRE(id.ok());
    CHECK(id->to_string() == "123e4567-e89b-12d3-a456-426614174000");
    CHECK(id->bytes()[0] == 0x12);
    CHECK(id->bytes()[15] == 0x00);
    CHECK(*Uuid::parse(id->to_string()) == *id);
    CHECK(Uuid{}.is_nil());
    CHECK_FALSE(id->is_nil());
}

TEST_CASE("a UUID that is not 8-4-4-4-12 hexadecimal digits is refused") {
    for (const char* bad : {"", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400",
                            "123e4567-e89b-12d3-a456-4266141740000", "123e4567-e89b-12d3-a456_426614174000",
                            "123e456-7e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-42661417400g"}) {
        auto parsed = Uuid::parse(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message ==
              "expected a UUID as 8-4-4-4-12 hexadecimal digits, got '" + std::string(bad) + "'");
    }
}

TEST_CASE("a UUID made from random bytes carries version 4 and the RFC 4122 variant") {
    std::array<std::uint8_t, 16> ones{};
    ones.fill(0xFF);
    auto from_ones = Uuid::from_random_bytes(ones);
    CHECK(from_ones.to_string() == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    CHECK(Uuid::from_random_bytes({}).to_string() == "00000000-0000-4000-8000-000000000000");
    std::array<std::uint8_t, 16> counting{};
    for (std::size_t i = 0; i < counting.size(); ++i)
        counting[i] = static_cast<std::uint8_t>(i * 17);
    auto id = Uuid::from_random_bytes(counting);
    CHECK(id.bytes()[6] >> 4 == 4);
    CHECK((id.bytes()[8] & 0xC0) == 0x80);
    CHECK(id.bytes()[0] == 0);
    CHECK(id.bytes()[15] == 255);
}

TEST_CASE("a badge UID is normalised to upper-case hex without separators") {
    CHECK(*normalise_uid("04:a1:b2:c3") == "04A1B2C3");
    CHECK(*normalise_uid("04-A1-B2-C3") == "04A1B2C3");
    CHECK(*normalise_uid("04a1b2c3") == "04A1B2C3");
    CHECK(*normalise_uid("04 a1 b2 c3 d4 e5 f6") == "04A1B2C3D4E5F6");
    CHECK(*normalise_uid("00112233445566778899") == "00112233445566778899");
}

TEST_CASE("a badge UID that is not 4 to 10 bytes of hex is refused with the reason") {
    auto letter = normalise_uid("04:G1:B2:C3");
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().message == "a badge UID is hexadecimal; '04:G1:B2:C3' has 'G'");
    auto short_uid = normalise_uid("04A1B2");
    REQUIRE_FALSE(short_uid.ok());
    CHECK(short_uid.error().message ==
          "a badge UID has 4 to 10 bytes (8 to 20 hex digits); '04A1B2' has 6 digits");
    CHECK_FALSE(normalise_uid("0011223344556677889900").ok());
    CHECK_FALSE(normalise_uid("04A1B2C3D").ok());
    CHECK_FALSE(normalise_uid("").ok());
}

TEST_CASE("badge holder keys round trip") {
    for (auto kind : {HolderKind::Child, HolderKind::Guardian, HolderKind::Staff})
        CHECK(*parse_holder_kind_key(holder_kind_key(kind)) == kind);
    CHECK(holder_kind_key(HolderKind::Guardian) == "guardian");
    CHECK_FALSE(parse_holder_kind_key("parent").ok());
}

TEST_CASE("diet keys round trip and an unknown diet is refused with the list") {
    for (auto diet : kAllDiets)
        CHECK(*parse_diet_key(diet_key(diet)) == diet);
    CHECK(diet_key(Diet::NoPork) == "no_pork");
    CHECK(diet_label_fr(Diet::NoPork) == "Sans porc");
    CHECK(diet_label_fr(Diet::Vegetarian) == "Végétarien");
    auto bad = parse_diet_key("halal");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "expected a diet among standard, no_pork, no_meat, vegetarian, got 'halal'");
    CHECK_FALSE(parse_diet_key("No_Pork").ok());
}

TEST_CASE("a subscriber code is BLENFANCE-<digits>-<digits>") {
    CHECK(is_valid_subscriber_code("BLENFANCE-12087-0042"));
    CHECK(is_valid_subscriber_code("BLENFANCE-1-2"));
    for (const char* bad : {"", "BLENFANCE-", "BLENFANCE-12087", "BLENFANCE-12087-", "BLENFANCE--0042",
                            "blenfance-12087-0042", "BLENFANCE-12a87-0042", "BLENFANCE-12087-0042-1",
                            " BLENFANCE-12087-0042", "BLENFANCE-12087-0042 ", "XBLENFANCE-12087-0042"})
        CHECK_FALSE(is_valid_subscriber_code(bad));
}
