// The roster of an activity: expected, present, missing, unexpected, departed; meals per diet.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/core/roster.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}
Instant at(const char* text) {
    return *paris::parse_iso8601(text);
}

AttendanceEvent event(std::uint8_t n, ChildId child, ActivityId activity, EventKind kind, const char* when) {
    AttendanceEvent e;
    e.id = Uuid::from_random_bytes({n});
    e.child = child;
    e.activity = activity;
    e.day = paris::local_date(at(when));
    e.kind = kind;
    e.at = at(when);
    return e;
}

const Date kToday = day("2026-12-10");
const std::vector<Child> kChildren = {
    {ChildId{1}, FamilyId{1}, "Léa", "Martin", "CP-A", Diet::Standard, false, false, "", {}},
    {ChildId{2}, FamilyId{2}, "Noé", "Bernard", "CE1", Diet::NoPork, false, false, "", {}},
    {ChildId{3}, FamilyId{3}, "Chloé", "Petit", "MS", Diet::Standard, false, false, "", {}},
    {ChildId{4}, FamilyId{4}, "Jules", "Durand", "CM2", Diet::Vegetarian, true, true, "PAI", {}},
    {ChildId{5}, FamilyId{4}, "Zoé", "Durand", "GS", Diet::Vegetarian, false, false, "", {}},
};

} // namespace

TEST_CASE("the canteen roster counts who is expected, here, missing and unexpected, and meals per diet") {
    Activity meal = canteen(ActivityId{2});
    std::vector<Reservation> reservations = {
        {ChildId{1}, meal.id, kToday},
        {ChildId{3}, meal.id, kToday},
        {ChildId{4}, meal.id, kToday},
        {ChildId{5}, meal.id, kToday},
        {ChildId{5}, meal.id, add_days(kToday, 1)}, // another day
        {ChildId{2}, ActivityId{3}, kToday},        // another activity
    };
    std::vector<Absence> absences = {
        {AbsenceId{1}, ChildId{3}, kToday, kToday, "maladie", Justification::Justified}};
    std::vector<AttendanceEvent> events = {
        event(1, ChildId{1}, meal.id, EventKind::Arrival, "2026-12-10T11:40:00+01:00"),
        event(2, ChildId{2}, meal.id, EventKind::Arrival, "2026-12-10T11:42:00+01:00"), // not booked
        event(3, ChildId{4}, meal.id, EventKind::Arrival, "2026-12-10T11:43:00+01:00"),
        event(4, ChildId{4}, ActivityId{1}, EventKind::Arrival, "2026-12-10T07:20:00+01:00"), // morning
    };
    auto roster = build_roster(kToday, meal, kChildren, reservations, absences, events);

    CHECK(roster.counts.expected == 3); // Léa, Jules, Zoé (Chloé is declared absent)
    CHECK(roster.counts.present == 3);  // Léa, Noé, Jules
    CHECK(roster.counts.missing == 1);  // Zoé
    CHECK(roster.counts.unexpected == 1);
    CHECK(roster.counts.declared_absent == 1);
    CHECK(roster.counts.departed == 0);
    REQUIRE(roster.entries.size() == 5);
    // Sorted by last name: Bernard, Durand Jules, Durand Zoé, Martin, Petit.
    CHECK(roster.entries[0].first_name == "Noé");
    CHECK(roster.entries[0].unexpected);
    CHECK(roster.entries[1].first_name == "Jules");
    CHECK(roster.entries[1].health_marker);
    CHECK(roster.entries[2].status == RosterStatus::Missing);
    CHECK(roster.entries[4].status == RosterStatus::DeclaredAbsent);

    auto diet = [&](Diet d) { return roster.diets[static_cast<std::size_t>(d)]; };
    CHECK(diet(Diet::Standard).expected == 1); // Léa
    CHECK(diet(Diet::Vegetarian).expected == 2);
    CHECK(diet(Diet::Vegetarian).arrived == 1);
    CHECK(diet(Diet::NoPork).expected == 0);
    CHECK(diet(Diet::NoPork).arrived == 1); // Noé came unbooked: one more meal
}

TEST_CASE("evening care shows who has gone home and with whom; the roll call lists only those still here") {
    Activity evening = evening_care(ActivityId{3});
    std::vector<Reservation> reservations = {{ChildId{1}, evening.id, kToday},
                                             {ChildId{2}, evening.id, kToday}};
    auto leave = event(3, ChildId{1}, evening.id, EventKind::Departure, "2026-12-10T17:50:00+01:00");
    leave.picked_up_by = "Mme Martin (mère)";
    std::vector<AttendanceEvent> events = {
        event(1, ChildId{1}, evening.id, EventKind::Arrival, "2026-12-10T16:35:00+01:00"),
        event(2, ChildId{2}, evening.id, EventKind::Arrival, "2026-12-10T16:36:00+01:00"), leave};
    auto roster = build_roster(kToday, evening, kChildren, reservations, {}, events);
    CHECK(roster.counts.present == 1);
    CHECK(roster.counts.departed == 1);
    CHECK(roster.counts.missing == 0);
    const auto& lea = roster.entries[1];
    CHECK(lea.first_name == "Léa");
    CHECK(lea.status == RosterStatus::Departed);
    CHECK(lea.picked_up_by == "Mme Martin (mère)");

    std::vector<Roster> rosters = {roster};
    auto here = roll_call(rosters);
    REQUIRE(here.size() == 1);
    CHECK(here[0].first_name == "Noé");
}

TEST_CASE("an arrival undone by staff leaves the child missing again") {
    Activity meal = canteen(ActivityId{2});
    std::vector<Reservation> reservations = {{ChildId{1}, meal.id, kToday}};
    auto arrival = event(1, ChildId{1}, meal.id, EventKind::Arrival, "2026-12-10T11:40:00+01:00");
    auto undo = event(2, ChildId{1}, meal.id, EventKind::Void, "2026-12-10T11:41:00+01:00");
    undo.voids = arrival.id;
    std::vector<AttendanceEvent> events = {arrival, undo};
    auto roster = build_roster(kToday, meal, kChildren, reservations, {}, events);
    CHECK(roster.counts.present == 0);
    CHECK(roster.counts.missing == 1);
}
