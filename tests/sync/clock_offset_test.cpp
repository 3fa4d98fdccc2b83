// The clock offset from /v1/time: the portal's reading is placed at the round trip's midpoint, and a
// kiosk more than 2 minutes off is flagged.
#include "badgeuse/sync/clock_offset.hpp"
#include "badgeuse/sync/event_times.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::sync;
using std::chrono::milliseconds;

namespace {
Instant at_ms(long ms) {
    return Instant{milliseconds{ms}};
}
} // namespace

TEST_CASE("a kiosk in step with the portal measures no offset, whatever the round trip") {
    auto measured = measure_offset(at_ms(1'000'000), at_ms(1'000'150), at_ms(1'000'300));
    CHECK(measured.offset == milliseconds{0});
    CHECK(measured.round_trip == milliseconds{300});
    CHECK_FALSE(measured.warning());
}

TEST_CASE("a kiosk ten minutes slow measures the portal ten minutes ahead and warns") {
    const long ten_minutes = 600'000;
    auto measured = measure_offset(at_ms(1'000'000), at_ms(1'000'050 + ten_minutes), at_ms(1'000'100));
    CHECK(measured.offset == milliseconds{ten_minutes});
    CHECK(measured.warning());
}

TEST_CASE("the clock warning starts beyond two minutes either way") {
    CHECK_FALSE(measure_offset(at_ms(0), at_ms(120'000), at_ms(0)).warning());
    CHECK(measure_offset(at_ms(0), at_ms(120'001), at_ms(0)).warning());
    CHECK_FALSE(measure_offset(at_ms(200'000), at_ms(80'000), at_ms(200'000)).warning());
    CHECK(measure_offset(at_ms(200'000), at_ms(79'999), at_ms(200'000)).warning());
}

TEST_CASE("a kiosk clock stepped back during the request counts as an instant round trip") {
    auto measured = measure_offset(at_ms(5'000), at_ms(5'000), at_ms(4'000));
    CHECK(measured.round_trip == milliseconds{0});
    CHECK(measured.offset == milliseconds{0});
}

TEST_CASE("a kiosk ten minutes slow sends its booking's time on the portal's clock, and keeps the rest") {
    protocol::BookingIntent intent;
    intent.id = *Uuid::parse("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f");
    intent.child = ChildId{7};
    intent.activity = ActivityId{2};
    intent.day = Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{10}};
    intent.made_at = at_ms(1'000'000);
    auto sent = std::get<protocol::BookingIntent>(on_portal_clock(intent, milliseconds{600'000}));
    CHECK(sent.made_at == at_ms(1'600'000));
    CHECK(sent.id == intent.id);
    CHECK(sent.day == intent.day);

    AttendanceEvent arrival;
    arrival.at = at_ms(2'000'000);
    arrival.day = intent.day;
    auto moved = std::get<AttendanceEvent>(on_portal_clock(arrival, milliseconds{-90'000}));
    CHECK(moved.at == at_ms(1'910'000));
    CHECK(moved.day == arrival.day); // the service the child came to, whatever the clock said
}
