// Billing categories and the attendance days they read: each category from the facts that make it,
// voids and staff corrections applied before presence is decided.
#include "badgeuse/core/attendance_days.hpp"
#include "badgeuse/core/billing.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace std::chrono;

namespace {

Date jan(unsigned d) {
    return Date{year{2027}, month{1}, std::chrono::day{d}};
}

Instant at(unsigned d, int hour, int minute) {
    return Instant{sys_days{jan(d)} + hours{hour} + minutes{minute}};
}

Uuid uuid_n(std::uint8_t n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = n;
    return Uuid::from_random_bytes(bytes);
}

AttendanceEvent event(std::uint8_t n, std::int64_t child, unsigned d, EventKind kind, Instant when) {
    AttendanceEvent e;
    e.id = uuid_n(n);
    e.child = ChildId{child};
    e.activity = ActivityId{1};
    e.day = jan(d);
    e.kind = kind;
    e.at = when;
    return e;
}

Reservation booked(std::int64_t child, unsigned d) {
    return Reservation{ChildId{child}, ActivityId{1}, jan(d)};
}

} // namespace

TEST_CASE("each billing category comes from its facts") {
    CHECK(billing_category({.booked = true, .present = true}) == BillingCategory::BookedPresent);
    CHECK(billing_category({.booked = false, .present = true}) == BillingCategory::PresentUnbooked);
    CHECK(billing_category({.booked = true}) == BillingCategory::BookedAbsentUnjustified);
    CHECK(billing_category({.booked = true, .justified_absence = true}) == BillingCategory::JustifiedAbsence);
    CHECK(billing_category({.booked = true, .late_change = true}) == BillingCategory::ChangedAfterDeadline);
    CHECK_FALSE(billing_category({}).has_value());
    CHECK_FALSE(billing_category({.justified_absence = true, .late_change = true}).has_value());
}

TEST_CASE("a child who came is billed as present whatever was asked or declared") {
    CHECK(
        billing_category({.booked = true, .present = true, .justified_absence = true, .late_change = true}) ==
        BillingCategory::BookedPresent);
    CHECK(billing_category({.present = true, .late_change = true}) == BillingCategory::PresentUnbooked);
    // A justified absence outranks a late cancellation: the family had a reason.
    CHECK(billing_category({.booked = true, .justified_absence = true, .late_change = true}) ==
          BillingCategory::JustifiedAbsence);
}

TEST_CASE("billing category keys are the CSV's") {
    CHECK(billing_category_key(BillingCategory::BookedPresent) == "booked_present");
    CHECK(billing_category_key(BillingCategory::PresentUnbooked) == "present_unbooked");
    CHECK(billing_category_key(BillingCategory::BookedAbsentUnjustified) == "absent_unjustified");
    CHECK(billing_category_key(BillingCategory::JustifiedAbsence) == "absence_justified");
    CHECK(billing_category_key(BillingCategory::ChangedAfterDeadline) == "changed_after_deadline");
}

TEST_CASE("a voided arrival does not count, whatever order the events come in") {
    AttendanceEvent arrival = event(1, 5, 11, EventKind::Arrival, at(11, 11, 40));
    AttendanceEvent undo = event(2, 5, 11, EventKind::Void, at(11, 11, 41));
    undo.voids = arrival.id;
    const std::vector<AttendanceEvent> events{undo, arrival};
    CHECK(attendance_days(events).empty());
}

TEST_CASE("an attendance day keeps the first arrival and the last departure") {
    const std::vector<AttendanceEvent> events{event(1, 5, 11, EventKind::Departure, at(11, 17, 30)),
                                              event(2, 5, 11, EventKind::Arrival, at(11, 16, 35)),
                                              event(3, 5, 11, EventKind::Departure, at(11, 18, 5)),
                                              event(4, 6, 11, EventKind::Arrival, at(11, 16, 40)),
                                              event(5, 5, 12, EventKind::Arrival, at(12, 16, 30))};
    const auto days = attendance_days(events);
    REQUIRE(days.size() == 3);
    CHECK(days[0].child == ChildId{5});
    CHECK(days[0].arrival->at == at(11, 16, 35));
    CHECK(days[0].departure->at == at(11, 18, 5));
    CHECK(days[1].child == ChildId{6});
    CHECK_FALSE(days[1].departure.has_value());
    CHECK(days[2].day == jan(12));
}

TEST_CASE("a month's facts give one line per child and day with its category") {
    BillingInput input;
    input.booked = {booked(1, 11), booked(2, 11), booked(3, 11), booked(4, 11)};
    input.attendance = {event(1, 1, 11, EventKind::Arrival, at(11, 11, 40)),
                        event(2, 5, 11, EventKind::Arrival, at(11, 11, 45))};
    input.absences = {
        Absence{AbsenceId{1}, ChildId{3}, jan(10), jan(12), "maladie", Justification::Justified},
        Absence{AbsenceId{2}, ChildId{2}, jan(11), jan(11), "", Justification::Unjustified}};
    input.late_changes = {booked(4, 11), booked(6, 11)};
    const auto lines = billing_lines(input);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].key == booked(1, 11));
    CHECK(lines[0].category == BillingCategory::BookedPresent);
    CHECK(lines[1].category == BillingCategory::BookedAbsentUnjustified); // child 2: declared, unjustified
    CHECK(lines[2].category == BillingCategory::JustifiedAbsence);
    CHECK(lines[3].category == BillingCategory::ChangedAfterDeadline);
    CHECK(lines[4].key.child == ChildId{5});
    CHECK(lines[4].category == BillingCategory::PresentUnbooked);
    // Child 6 tried to book too late and did not come: nothing to bill.
}

TEST_CASE("a staff correction outranks the badges, the latest correction winning") {
    BillingInput input;
    input.booked = {booked(1, 11), booked(2, 11)};
    input.attendance = {event(1, 1, 11, EventKind::Arrival, at(11, 11, 40))};
    input.corrections = {PresenceCorrection{ChildId{1}, ActivityId{1}, jan(11), false, at(11, 14, 0)},
                         PresenceCorrection{ChildId{2}, ActivityId{1}, jan(11), false, at(11, 14, 0)},
                         PresenceCorrection{ChildId{2}, ActivityId{1}, jan(11), true, at(11, 14, 5)}};
    const auto lines = billing_lines(input);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].category == BillingCategory::BookedAbsentUnjustified);
    CHECK(lines[1].category == BillingCategory::BookedPresent);
}
