// The store queries the admin's commands read (sites, records of a kind, finds by key, events by day,
// reservations by day), on both backends: a real SQLite file and a real PostgreSQL database.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;
using badgeuse::testing::PostgreSQL;
using badgeuse::testing::SQLite;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Date day(std::string_view text) {
    return *parse_date(text);
}

Uuid uuid_n(std::uint8_t n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = n;
    return Uuid::from_random_bytes(bytes);
}

AttendanceEvent arrival(std::uint8_t n, std::string_view on) {
    AttendanceEvent event;
    event.id = uuid_n(n);
    event.child = ChildId{1};
    event.activity = ActivityId{1};
    event.day = day(on);
    event.at = at(std::string(on) + "T11:40:00+01:00");
    return event;
}

// Sites Ferry (1) and Curie (2); at Ferry a family, a child, the canteen, a staff member with a badge
// and a PIN, a closed period and reservations on 11 and 12 January; at Curie another staff member.
template <typename Backend>
struct Fixture {
    testing::TempDir dir;
    DatabaseUrl url = Backend::fresh(dir);
    std::unique_ptr<PortalStore> store;
    SiteId ferry;
    SiteId curie;

    Fixture() {
        auto opened = open_portal_store(url, OpenMode::CreateIfMissing);
        INFO((opened.ok() ? "" : opened.error().message));
        REQUIRE(opened.ok());
        store = std::move(*opened);
        ferry = *store->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"});
        curie = *store->add_site(Site{SiteId{}, "Curie", "Laigneville"});
        Child lea;
        lea.family = FamilyId{1};
        lea.first_name = "Léa";
        REQUIRE(
            store
                ->commit(
                    ferry,
                    {{ChangeKind::Upsert, Family{FamilyId{}, ferry, "BLENFANCE-1-1", "Martin"}},
                     {ChangeKind::Upsert, lea},
                     {ChangeKind::Upsert, canteen(ActivityId{})},
                     {ChangeKind::Upsert, StaffMember{StaffId{}, ferry, "Nadia", "Benali", "animatrice"}},
                     {ChangeKind::Upsert, Badge{"04FFEE01", HolderKind::Staff, 1, BadgeState::Active}},
                     {ChangeKind::Upsert, PinRecord{PinSubject::Staff, 1, "$argon2id$pin", "", {}}},
                     {ChangeKind::Upsert,
                      ClosedPeriodRecord{
                          0, {day("2027-02-20"), day("2027-03-07"), ClosureKind::SchoolHoliday, "Hiver"}}},
                     {ChangeKind::Upsert, ReservationRecord{{ChildId{1}, ActivityId{1}, day("2027-01-11")},
                                                            ReservationState::Booked}},
                     {ChangeKind::Upsert, ReservationRecord{{ChildId{1}, ActivityId{1}, day("2027-01-12")},
                                                            ReservationState::Cancelled}}})
                .ok());
        REQUIRE(store
                    ->commit(curie, {{ChangeKind::Upsert,
                                      StaffMember{StaffId{}, curie, "Marc", "Dupont", "cuisine"}}})
                    .ok());
    }
};

} // namespace

#define STORE_TEST(name) TEMPLATE_TEST_CASE(name, "[store]", SQLite, PostgreSQL)

STORE_TEST("the admin's queries list sites and a kind of record, for one site or all") {
    Fixture<TestType> f;
    const auto sites = f.store->sites().value();
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].name == "Curie"); // by name
    CHECK(f.store->records("staff", f.ferry).value().size() == 1);
    const auto everyone = f.store->records("staff", SiteId{}).value();
    REQUIRE(everyone.size() == 2);
    CHECK(std::get<StaffMember>(everyone[1]).first_name == "Marc");
    const auto periods = f.store->records("closed_period", f.ferry).value();
    REQUIRE(periods.size() == 1);
    CHECK(std::get<ClosedPeriodRecord>(periods[0]).period.label == "Hiver");
    CHECK(f.store->records("closed_period", f.curie).value().empty());
    CHECK_FALSE(f.store->records("payments", SiteId{}).ok());
}

STORE_TEST("the admin's queries find a family, a staff member, a badge and a PIN by key") {
    Fixture<TestType> f;
    CHECK(f.store->find_family(FamilyId{1}).value()->subscriber_code == "BLENFANCE-1-1");
    CHECK_FALSE(f.store->find_family(FamilyId{9}).value().has_value());
    CHECK(f.store->find_staff(StaffId{2}).value()->site == f.curie);
    CHECK(f.store->find_badge("04FFEE01").value()->holder_kind == HolderKind::Staff);
    CHECK_FALSE(f.store->find_badge("04FFEE02").value().has_value());
    CHECK(f.store->find_pin(PinSubject::Staff, 1).value()->pin_hash == "$argon2id$pin");
    CHECK_FALSE(f.store->find_pin(PinSubject::Family, 1).value().has_value());
}

STORE_TEST("events and reservations are read by their day, inclusive at both ends") {
    Fixture<TestType> f;
    const std::vector<Event> events{arrival(1, "2027-01-10"), arrival(2, "2027-01-11"),
                                    arrival(3, "2027-01-12"),
                                    BookingIntent{uuid_n(4), ChildId{1}, ActivityId{1}, day("2027-01-12"),
                                                  BookingAction::Book, at("2027-01-11T09:00:00+01:00")},
                                    AbsenceDeclared{uuid_n(5), ChildId{1}, day("2027-01-11"),
                                                    day("2027-01-11"), "", at("2027-01-10T09:00:00+01:00")}};
    REQUIRE(f.store
                ->ingest(KioskIdentity{1, f.ferry, "préau"}, events, at("2027-01-12T19:00:00+01:00"),
                         HolidayRegion::Metropole)
                .ok());
    const auto stored = f.store->events_of_days(day("2027-01-11"), day("2027-01-12"), SiteId{}).value();
    REQUIRE(stored.size() == 3);
    CHECK(event_id(stored[0].event) == uuid_n(2));
    CHECK(stored[0].site == f.ferry);
    CHECK(stored[0].outcome == Outcome::Accepted);
    const auto& intent = std::get<BookingIntent>(stored[2].event);
    CHECK(intent.day == day("2027-01-12"));
    CHECK(stored[2].outcome == Outcome::Refused);
    CHECK(stored[2].reason == "too_late");
    CHECK(f.store->events_of_days(day("2027-01-11"), day("2027-01-12"), f.curie).value().empty());

    const auto reservations = f.store->reservations_between(day("2027-01-11"), day("2027-01-12")).value();
    REQUIRE(reservations.size() == 2);
    CHECK(reservations[0].state == ReservationState::Booked);
    CHECK(reservations[1].state == ReservationState::Cancelled);
    CHECK(f.store->reservations_between(day("2027-01-13"), day("2027-01-31")).value().empty());
}
