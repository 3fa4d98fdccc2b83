// The portal store on both backends, each test case on a fresh database (a real SQLite file, a real
// PostgreSQL database): migrations, enrollment codes, the change log and its pages, and the ingestion of
// events (idempotent by UUID, deadline, latest intent wins, attendance kept).
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <type_traits>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;
using badgeuse::testing::PostgreSQL;
using badgeuse::testing::SQLite;

namespace {

Date date_of(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Uuid uuid_n(std::uint8_t n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = n;
    return Uuid::from_random_bytes(bytes);
}

// An intent for the fixture's child (id 1) and canteen (id 1), for Friday 7 May 2027.
BookingIntent canteen_intent(std::uint8_t n, BookingAction action, std::string_view made_at) {
    return BookingIntent{uuid_n(n), ChildId{1}, ActivityId{1}, date_of(2027, 5, 7), action, at(made_at)};
}

// A store with one site, one family, one child and the canteen (Mon, Tue, Thu, Fri; 2 working days, 10:00).
template <typename Backend>
struct Fixture {
    testing::TempDir dir;
    DatabaseUrl url = Backend::fresh(dir);
    std::unique_ptr<PortalStore> store;
    SiteId site;
    KioskIdentity kiosk;
    ChildId child{1};
    ActivityId canteen_id{1};

    Fixture() {
        auto opened = open_portal_store(url, OpenMode::CreateIfMissing);
        INFO((opened.ok() ? "" : opened.error().message));
        REQUIRE(opened.ok());
        store = std::move(*opened);
        site = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
        kiosk = KioskIdentity{1, site, "préau"};
        Child lea;
        lea.family = FamilyId{1};
        lea.first_name = "Léa";
        auto written =
            store->commit(site, {{ChangeKind::Upsert, Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}},
                                 {ChangeKind::Upsert, lea},
                                 {ChangeKind::Upsert, canteen(ActivityId{})}});
        REQUIRE(written.ok());
        REQUIRE(std::get<Child>((*written)[1]).id == child);
        REQUIRE(std::get<Activity>((*written)[2]).id == canteen_id);
    }

    BookingIntent intent(std::uint8_t n, BookingAction action, std::string_view made_at) const {
        return canteen_intent(n, action, made_at);
    }

    PushResponse push(std::vector<Event> events) {
        auto response =
            store->ingest(kiosk, events, at("2027-05-06T12:00:00+02:00"), HolidayRegion::Metropole);
        REQUIRE(response.ok());
        return *response;
    }
};

} // namespace

#define STORE_TEST(name) TEMPLATE_TEST_CASE(name, "[store]", SQLite, PostgreSQL)

STORE_TEST("a new portal database carries its schema version and opens again") {
    testing::TempDir dir;
    const DatabaseUrl url = TestType::fresh(dir);
    {
        auto store = open_portal_store(url, OpenMode::CreateIfMissing);
        INFO((store.ok() ? "" : store.error().message));
        REQUIRE(store.ok());
    }
    auto again = open_portal_store(url, OpenMode::MustExist);
    REQUIRE(again.ok());
    CHECK(TestType::query(url, "SELECT value FROM meta WHERE key = 'version'") ==
          std::to_string(portal_schema_version(url)));
    CHECK(sqlite_portal_schema_version() == postgres_portal_schema_version());
}

STORE_TEST("a database written by the previous portal version is upgraded on open and keeps its data") {
    std::unique_ptr<Fixture<TestType>> f = std::make_unique<Fixture<TestType>>();
    const DatabaseUrl url = f->url;
    const SiteId site = f->site;
    f->store.reset();
    // Schema 3 is schema 4 without the change log's transaction index.
    TestType::query(url, "DROP INDEX change_log_by_txn");
    TestType::query(url, "UPDATE meta SET value = 3 WHERE key = 'version'");
    const std::string index_count =
        std::is_same_v<TestType, SQLite>
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'change_log_by_txn'"
            : "SELECT count(*) FROM pg_indexes WHERE indexname = 'change_log_by_txn'";
    REQUIRE(TestType::query(url, index_count) == "0");

    auto store = open_portal_store(url, OpenMode::MustExist);
    INFO((store.ok() ? "" : store.error().message));
    REQUIRE(store.ok());
    CHECK(TestType::query(url, "SELECT value FROM meta WHERE key = 'version'") ==
          std::to_string(sqlite_portal_schema_version()));
    CHECK(TestType::query(url, index_count) == "1");
    auto page = (*store)->changes_after(site, 0, 100);
    REQUIRE(page.ok());
    REQUIRE(page->changes.size() == 3);
    CHECK(std::get<Child>(page->changes[1].data).first_name == "Léa");
}

TEST_CASE("a missing portal database is not created when it must exist") {
    testing::TempDir dir;
    auto store = open_sqlite_portal_store(dir / "none.sqlite", OpenMode::MustExist);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("portal init"));
    CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST_CASE("a PostgreSQL database without the portal's schema is not touched when it must exist") {
    testing::TempDir dir;
    const DatabaseUrl url = PostgreSQL::fresh(dir);
    auto store = open_portal_store(url, OpenMode::MustExist);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message,
               Catch::Contains("portal init") && Catch::Contains("holds no portal data"));
    CHECK(PostgreSQL::query(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0");
}

TEST_CASE("a PostgreSQL database that does not exist is named in the error, with what to do") {
    auto store = open_postgres_portal_store(testing::missing_pg_database(), OpenMode::CreateIfMissing);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("cannot connect to PostgreSQL") &&
                                          Catch::Contains("no_such_database") && Catch::Contains("createdb"));
}

TEST_CASE("a PostgreSQL server that refuses the connection is a clear error") {
    testing::TempDir dir;
    // Nothing listens on a socket in an empty folder: libpq's "No such file or directory".
    auto store = open_postgres_portal_store("postgresql://postgres@/badgeuse?host=" + dir.path().string() +
                                                "&port=5999&connect_timeout=2",
                                            OpenMode::CreateIfMissing);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message,
               Catch::Contains("cannot connect to PostgreSQL at postgresql://postgres@/badgeuse") &&
                   Catch::Contains("is PostgreSQL running there?"));
}

TEST_CASE("a PostgreSQL password is never shown in an error") {
    auto store = open_postgres_portal_store(
        "postgresql://badgeuse:s3cret@127.0.0.1:1/badgeuse?connect_timeout=2", OpenMode::CreateIfMissing);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("badgeuse:***@127.0.0.1"));
    CHECK_THAT(store.error().message, !Catch::Contains("s3cret"));
}

TEST_CASE("a PostgreSQL database holding other tables is refused, not mixed with the portal's") {
    testing::TempDir dir;
    const DatabaseUrl url = PostgreSQL::fresh(dir);
    testing::pg_query(url.postgres_uri, "CREATE TABLE invoices(id int)");
    auto store = open_portal_store(url, OpenMode::CreateIfMissing);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("is not a portal database"));
    CHECK(PostgreSQL::query(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "1");
}

STORE_TEST("a database from a newer incompatible portal is refused and left untouched") {
    testing::TempDir dir;
    const DatabaseUrl url = TestType::fresh(dir);
    { REQUIRE(open_portal_store(url, OpenMode::CreateIfMissing).ok()); }
    TestType::query(url, "UPDATE meta SET value = 99");
    const std::string tables =
        TestType::query(url, url.backend == DatabaseBackend::Sqlite
                                 ? "SELECT count(*) FROM sqlite_master"
                                 : "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    auto store = open_portal_store(url, OpenMode::MustExist);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("newer portal") && Catch::Contains("left untouched"));
    auto created = open_portal_store(url, OpenMode::CreateIfMissing);
    REQUIRE_FALSE(created.ok());
    CHECK(TestType::query(url, "SELECT count(*) FROM meta WHERE value = 99") == "2");
    CHECK(TestType::query(url, url.backend == DatabaseBackend::Sqlite
                                   ? "SELECT count(*) FROM sqlite_master"
                                   : "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == tables);
}

STORE_TEST("an enrollment code works once and not after 24 hours") {
    Fixture<TestType> f;
    const Instant now = at("2027-05-06T08:00:00+02:00");
    REQUIRE(f.store->add_enrollment_code(f.site, "préau", "code-hash", now + kEnrollmentCodeLifetime).ok());
    REQUIRE(f.store->add_enrollment_code(f.site, "préau", "old-hash", now + kEnrollmentCodeLifetime).ok());

    auto first = f.store->enroll("code-hash", "préau", "token-hash", now);
    REQUIRE(first.ok());
    CHECK(first->failure == EnrollFailure::None);
    CHECK(first->kiosk.site == f.site);
    CHECK(first->site_name == "École Jules Ferry");
    auto found = f.store->kiosk_by_token("token-hash");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->name == "préau");

    CHECK(f.store->enroll("code-hash", "autre", "token-2", now)->failure == EnrollFailure::UsedCode);
    CHECK(f.store->enroll("old-hash", "autre", "token-3", now + kEnrollmentCodeLifetime)->failure ==
          EnrollFailure::ExpiredCode);
    CHECK(f.store->enroll("nope", "autre", "token-4", now)->failure == EnrollFailure::UnknownCode);
    CHECK_FALSE(f.store->kiosk_by_token("token-3")->has_value());
}

STORE_TEST("a pull gives the site's changes in order and only that site's") {
    Fixture<TestType> f;
    const SiteId other = *f.store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});
    REQUIRE(
        f.store->commit(other, {{ChangeKind::Upsert, Family{FamilyId{}, other, "BLENFANCE-2-2", "Curie"}}})
            .ok());
    auto page = f.store->changes_after(f.site, 0, 100);
    REQUIRE(page.ok());
    REQUIRE(page->changes.size() == 3);
    CHECK(page->more == MorePages::No);
    CHECK(page->cursor == page->changes.back().seq);
    CHECK(std::holds_alternative<Family>(page->changes[0].data));
    CHECK(std::get<Child>(page->changes[1].data).first_name == "Léa");
    auto other_page = f.store->changes_after(other, 0, 100);
    REQUIRE(other_page->changes.size() == 1);
    CHECK(std::get<Family>(other_page->changes[0].data).name == "Curie");
    auto nothing = f.store->changes_after(f.site, page->cursor, 100);
    CHECK(nothing->changes.empty());
    CHECK(nothing->cursor == page->cursor);
}

STORE_TEST("a pull page never splits one server transaction") {
    Fixture<TestType> f;
    // The fixture wrote three changes in one transaction: a limit of 2 still gives all three.
    auto page = f.store->changes_after(f.site, 0, 2);
    REQUIRE(page.ok());
    CHECK(page->changes.size() == 3);
    REQUIRE(f.store
                ->commit(f.site,
                         {{ChangeKind::Upsert, Guardian{GuardianId{}, FamilyId{1}, "Anne", "Martin", ""}}})
                .ok());
    auto first = f.store->changes_after(f.site, 0, 3);
    CHECK(first->changes.size() == 3);
    CHECK(first->more == MorePages::Yes);
    auto second = f.store->changes_after(f.site, first->cursor, 3);
    REQUIRE(second->changes.size() == 1);
    CHECK(std::holds_alternative<Guardian>(second->changes[0].data));
    CHECK(second->more == MorePages::No);
}

STORE_TEST("a record of another site cannot be overwritten and the write leaves nothing") {
    Fixture<TestType> f;
    const SiteId other = *f.store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});
    Child intruder;
    intruder.id = f.child;
    intruder.first_name = "X";
    auto written =
        f.store->commit(other, {{ChangeKind::Upsert, Family{FamilyId{}, other, "BLENFANCE-2-2", "Curie"}},
                                {ChangeKind::Upsert, intruder}});
    REQUIRE_FALSE(written.ok());
    CHECK_THAT(written.error().message, Catch::Contains("another site"));
    CHECK(f.store->changes_after(other, 0, 100)->changes.empty());
}

STORE_TEST("an event pushed twice is stored once and answered duplicate with the original result") {
    Fixture<TestType> f;
    AttendanceEvent arrival;
    arrival.id = uuid_n(1);
    arrival.child = f.child;
    arrival.activity = f.canteen_id;
    arrival.day = date_of(2027, 5, 6);
    arrival.at = at("2027-05-06T11:40:00+02:00");
    const BookingIntent late = f.intent(2, BookingAction::Book, "2027-05-06T09:00:00+02:00");
    auto first = f.push({arrival, late});
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].outcome == Outcome::Accepted);
    CHECK(first.results[1].outcome == Outcome::Refused);
    CHECK(first.results[1].reason == "too_late");
    auto second = f.push({arrival, late, arrival});
    REQUIRE(second.results.size() == 3);
    CHECK(second.results[0].outcome == Outcome::Duplicate);
    CHECK(second.results[0].original == Outcome::Accepted);
    CHECK(second.results[1].outcome == Outcome::Duplicate);
    CHECK(second.results[1].original == Outcome::Refused);
    CHECK(second.results[1].reason == "too_late");
    CHECK(second.results[2].outcome == Outcome::Duplicate);
    CHECK(*f.store->event_count() == 2);
}

STORE_TEST("attendance of a child the portal does not know is still accepted") {
    Fixture<TestType> f;
    AttendanceEvent arrival;
    arrival.id = uuid_n(3);
    arrival.child = ChildId{999};
    arrival.activity = f.canteen_id;
    arrival.day = date_of(2027, 5, 6);
    arrival.at = at("2027-05-06T11:40:00+02:00");
    CHECK(f.push({arrival}).results[0].outcome == Outcome::Accepted);
}

STORE_TEST("a kiosk booking for Friday 7 May 2027 is open until Tuesday 10:00, Thursday being Ascension") {
    Fixture<TestType> f;
    auto response = f.push({f.intent(4, BookingAction::Book, "2027-05-04T09:59:59+02:00")});
    CHECK(response.results[0].outcome == Outcome::Accepted);
    CHECK(*f.store->reservation(f.child, f.canteen_id, date_of(2027, 5, 7)) == ReservationState::Booked);
    auto page = f.store->changes_after(f.site, 3, 100);
    REQUIRE(page->changes.size() == 1);
    CHECK(std::get<ReservationRecord>(page->changes[0].data).state == ReservationState::Booked);
    CHECK(f.push({f.intent(5, BookingAction::Book, "2027-05-04T10:00:00+02:00")}).results[0].reason ==
          "too_late");
}

STORE_TEST("the latest booking intent wins whatever order they arrive in") {
    const std::vector<Event> intents = {
        canteen_intent(6, BookingAction::Book, "2027-05-04T08:00:00+02:00"),
        canteen_intent(7, BookingAction::Cancel, "2027-05-04T09:00:00+02:00"),
        canteen_intent(8, BookingAction::Book, "2027-05-04T09:00:00+02:00"), // same time, greater id: wins
    };
    for (const std::vector<std::size_t>& order : std::vector<std::vector<std::size_t>>{
             {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
        Fixture<TestType> f;
        for (std::size_t i : order)
            CHECK(f.push({intents[i]}).results[0].outcome == Outcome::Accepted);
        CHECK(*f.store->reservation(f.child, f.canteen_id, date_of(2027, 5, 7)) == ReservationState::Booked);
    }
}

STORE_TEST("a booking for an unknown child or activity is refused with its reason") {
    Fixture<TestType> f;
    BookingIntent intent = f.intent(9, BookingAction::Book, "2027-05-03T08:00:00+02:00");
    intent.child = ChildId{42};
    CHECK(f.push({intent}).results[0].reason == "unknown_child");
    intent = f.intent(10, BookingAction::Book, "2027-05-03T08:00:00+02:00");
    intent.activity = ActivityId{42};
    CHECK(f.push({intent}).results[0].reason == "unknown_activity");
}

STORE_TEST("an absence declared at the kiosk becomes a change for the site") {
    Fixture<TestType> f;
    AbsenceDeclared declared{uuid_n(11),           f.child,   date_of(2027, 5, 10),
                             date_of(2027, 5, 11), "maladie", at("2027-05-06T08:00:00+02:00")};
    CHECK(f.push({declared}).results[0].outcome == Outcome::Accepted);
    auto page = f.store->changes_after(f.site, 3, 100);
    REQUIRE(page->changes.size() == 1);
    const auto& absence = std::get<Absence>(page->changes[0].data);
    CHECK(absence.child == f.child);
    CHECK(absence.reason == "maladie");
    CHECK(absence.id.value > 0);
}
