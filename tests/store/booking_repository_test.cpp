// Reservations, absences and the school calendar come back as they were written.
#include "badgeuse/store/store.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

Child other_child(std::int64_t id) {
    Child child = sample_child();
    child.id = ChildId{id};
    child.authorised_adults.clear();
    return child;
}

} // namespace

TEST_CASE("a reservation is found for its child, activity and day only") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    const Reservation booked{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)};
    require_ok(store.reservations().add(booked));
    CHECK(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2027, 5, 4))));
    CHECK_FALSE(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2027, 5, 5))));
    CHECK_FALSE(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{2}, day(2027, 5, 4))));
    CHECK_FALSE(require_ok(store.reservations().is_reserved(ChildId{1000}, ActivityId{3}, day(2027, 5, 4))));
}

TEST_CASE("booking the same day twice is one reservation, and cancelling removes it") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    const Reservation booked{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)};
    require_ok(store.reservations().add(booked));
    require_ok(store.reservations().add(booked));
    CHECK(require_ok(store.reservations().count()) == 1);
    require_ok(store.reservations().remove(booked));
    require_ok(store.reservations().remove(booked));
    CHECK(require_ok(store.reservations().count()) == 0);
    CHECK_FALSE(require_ok(store.reservations().is_reserved(booked.child, booked.activity, booked.day)));
}

TEST_CASE("a day's roster for an activity lists its reservations by child") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.activities().upsert(canteen(ActivityId{2})));
    for (std::int64_t id : {1005, 1003, 1004})
        require_ok(store.children().upsert(other_child(id)));
    require_ok(store.reservations().add({ChildId{1005}, ActivityId{3}, day(2027, 5, 4)}));
    require_ok(store.reservations().add({ChildId{1003}, ActivityId{3}, day(2027, 5, 4)}));
    require_ok(store.reservations().add({ChildId{1004}, ActivityId{2}, day(2027, 5, 4)}));
    require_ok(store.reservations().add({ChildId{1004}, ActivityId{3}, day(2027, 5, 6)}));

    auto roster = require_ok(store.reservations().for_day(day(2027, 5, 4), ActivityId{3}));
    REQUIRE(roster.size() == 2);
    CHECK(roster[0] == Reservation{ChildId{1003}, ActivityId{3}, day(2027, 5, 4)});
    CHECK(roster[1] == Reservation{ChildId{1005}, ActivityId{3}, day(2027, 5, 4)});
}

TEST_CASE("a child's reservations over a range include both ends, by day then activity") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.activities().upsert(canteen(ActivityId{2})));
    for (unsigned d : {3U, 4U, 7U, 8U})
        require_ok(store.reservations().add({ChildId{1001}, ActivityId{3}, day(2027, 5, d)}));
    require_ok(store.reservations().add({ChildId{1001}, ActivityId{2}, day(2027, 5, 7)}));

    auto found = require_ok(store.reservations().for_child(ChildId{1001}, day(2027, 5, 4), day(2027, 5, 7)));
    std::vector<Reservation> expected = {{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)},
                                         {ChildId{1001}, ActivityId{2}, day(2027, 5, 7)},
                                         {ChildId{1001}, ActivityId{3}, day(2027, 5, 7)}};
    CHECK(found == expected);
}

TEST_CASE("an absence round-trips under the portal's id or a new one") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    Absence from_portal{AbsenceId{77},   ChildId{1001}, day(2027, 5, 3),
                        day(2027, 5, 7), "maladie",     Justification::Justified};
    CHECK(require_ok(store.absences().add(from_portal)) == AbsenceId{77});
    auto read = require_ok(store.absences().get(AbsenceId{77}));
    REQUIRE(read.has_value());
    CHECK(read->child == ChildId{1001});
    CHECK(read->from == day(2027, 5, 3));
    CHECK(read->to == day(2027, 5, 7));
    CHECK(read->reason == "maladie");
    CHECK(read->justification == Justification::Justified);

    Absence at_kiosk{AbsenceId{},     ChildId{1001},         day(2027, 6, 1),
                     day(2027, 6, 1), "rendez-vous médical", Justification::Unjustified};
    AbsenceId assigned = require_ok(store.absences().add(at_kiosk));
    CHECK(assigned.value > 77);
    CHECK(require_ok(store.absences().get(assigned))->reason == "rendez-vous médical");

    from_portal.reason = "varicelle";
    CHECK(require_ok(store.absences().add(from_portal)) == AbsenceId{77});
    CHECK(require_ok(store.absences().get(AbsenceId{77}))->reason == "varicelle");
    CHECK(require_ok(store.absences().for_child(ChildId{1001})).size() == 2);
}

TEST_CASE("an absence covers its first and last days and nothing outside them") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.absences().add({AbsenceId{1}, ChildId{1001}, day(2027, 5, 3), day(2027, 5, 7), "maladie",
                                     Justification::Justified}));
    require_ok(store.absences().add({AbsenceId{2}, ChildId{1001}, day(2027, 5, 6), day(2027, 5, 6),
                                     "dentiste", Justification::Unjustified}));
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 2))).empty());
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 3))).size() == 1);
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 6))).size() == 2);
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 7))).size() == 1);
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 8))).empty());
    CHECK(require_ok(store.absences().covering(ChildId{1000}, day(2027, 5, 6))).empty());

    require_ok(store.absences().remove(AbsenceId{1}));
    auto left = require_ok(store.absences().covering(ChildId{1001}, day(2027, 5, 6)));
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == AbsenceId{2});
}

TEST_CASE("an absence that ends before it starts is refused") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    auto result = store.absences().add(
        {AbsenceId{1}, ChildId{1001}, day(2027, 5, 7), day(2027, 5, 3), "maladie", Justification::Justified});
    CHECK_FALSE(result.ok());
}

TEST_CASE("the school calendar is replaced as a whole and listed by first day") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    std::vector<ClosedPeriod> first = {
        {day(2026, 12, 19), day(2027, 1, 3), ClosureKind::SchoolHoliday, "Vacances de Noël"},
        {day(2026, 10, 17), day(2026, 11, 1), ClosureKind::SchoolHoliday, "Vacances de la Toussaint"},
    };
    require_ok(store.closed_periods().replace_all(first));
    auto listed = require_ok(store.closed_periods().list());
    REQUIRE(listed.size() == 2);
    CHECK(listed[0] == first[1]);
    CHECK(listed[1] == first[0]);

    std::vector<ClosedPeriod> second = {
        {day(2027, 5, 7), day(2027, 5, 7), ClosureKind::Closure, "Pont de l'Ascension, cantine fermée"}};
    require_ok(store.closed_periods().replace_all(second));
    CHECK(require_ok(store.closed_periods().list()) == second);
    require_ok(store.closed_periods().replace_all({}));
    CHECK(require_ok(store.closed_periods().list()).empty());
}
