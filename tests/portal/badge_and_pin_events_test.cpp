// Badges given and PINs changed at a kiosk, as the portal store decides them on both backends (a real
// SQLite file, a real PostgreSQL database): accepted ones become changes for the site's kiosks, a badge
// already someone else's is refused "badge_taken".
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/event_rules.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <set>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;
using badgeuse::testing::PostgreSQL;
using badgeuse::testing::SQLite;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Uuid uuid_n(std::uint8_t n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = n;
    return Uuid::from_random_bytes(bytes);
}

const std::string kOldHash = "$argon2id$v=19$m=65536,t=2,p=1$old";
const std::string kNewHash = "$argon2id$v=19$m=65536,t=2,p=1$new";

// One site with the Martin family (1) and its children Léa (1) and Tom (2), a staff member (1) with a
// PIN and a pending reset, and Léa's badge 04A1B2C3; a second site with its own family (2).
template <typename Backend>
struct Fixture {
    testing::TempDir dir;
    DatabaseUrl url = Backend::fresh(dir);
    std::unique_ptr<PortalStore> store;
    SiteId site;
    SiteId other_site;
    KioskIdentity kiosk;

    Fixture() {
        auto opened = open_portal_store(url, OpenMode::CreateIfMissing);
        INFO((opened.ok() ? "" : opened.error().message));
        REQUIRE(opened.ok());
        store = std::move(*opened);
        site = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
        other_site = *store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});
        kiosk = KioskIdentity{1, site, "préau"};
        Child lea;
        lea.family = FamilyId{1};
        lea.first_name = "Léa";
        Child tom = lea;
        tom.first_name = "Tom";
        REQUIRE(
            store
                ->commit(site,
                         {{ChangeKind::Upsert, Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}},
                          {ChangeKind::Upsert, lea},
                          {ChangeKind::Upsert, tom},
                          {ChangeKind::Upsert, StaffMember{StaffId{}, site, "Nadia", "Benali", "animatrice"}},
                          {ChangeKind::Upsert, Badge{"04A1B2C3", HolderKind::Child, 1, BadgeState::Active}},
                          {ChangeKind::Upsert, PinRecord{PinSubject::Staff, 1, kOldHash, "reset-hash",
                                                         at("2027-01-18T09:00:00+01:00")}}})
                .ok());
        REQUIRE(store
                    ->commit(other_site,
                             {{ChangeKind::Upsert, Family{FamilyId{}, other_site, "BLENFANCE-2-2", "Curie"}}})
                    .ok());
        fixture_cursor = store->changes_after(site, 0, 100).value().cursor;
    }

    EventResult push(const Event& event) {
        auto response =
            store->ingest(kiosk, {event}, at("2027-01-15T12:00:00+01:00"), HolidayRegion::Metropole);
        REQUIRE(response.ok());
        REQUIRE(response->results.size() == 1);
        return response->results[0];
    }

    std::int64_t fixture_cursor = 0;

    // The site's changes logged after the fixture's own.
    std::vector<Change> new_changes() {
        auto page = store->changes_after(site, fixture_cursor, 100);
        REQUIRE(page.ok());
        return page->changes;
    }
};

BadgeAssigned assign(std::uint8_t n, std::string uid, std::int64_t child) {
    return BadgeAssigned{uuid_n(n), StaffId{1}, std::move(uid), ChildId{child},
                         at("2027-01-15T08:10:00+01:00")};
}

PinChanged change_pin(std::uint8_t n, PinSubject subject, std::int64_t id, std::string hash,
                      std::string_view made_at) {
    return PinChanged{uuid_n(n), subject, id, std::move(hash), at(made_at)};
}

} // namespace

#define STORE_TEST(name) TEMPLATE_TEST_CASE(name, "[store]", SQLite, PostgreSQL)

STORE_TEST("a new badge given to a child at a kiosk becomes a badge change for the site") {
    Fixture<TestType> f;
    const EventResult result = f.push(assign(1, "04FFEE01", 2));
    CHECK(result.outcome == Outcome::Accepted);
    const auto changes = f.new_changes();
    REQUIRE(changes.size() == 1);
    const Badge& badge = std::get<Badge>(changes[0].data);
    CHECK(badge.uid == "04FFEE01");
    CHECK(badge.holder_kind == HolderKind::Child);
    CHECK(badge.holder_id == 2);
    CHECK(badge.state == BadgeState::Active);
    CHECK(f.store->changes_after(f.other_site, 0, 100)->changes.size() == 1); // only its own family
}

STORE_TEST("a badge already the child's is accepted without a new change") {
    Fixture<TestType> f;
    CHECK(f.push(assign(1, "04A1B2C3", 1)).outcome == Outcome::Accepted);
    CHECK(f.new_changes().empty());
}

STORE_TEST("a badge that belongs to another child is refused as taken and stays its holder's") {
    Fixture<TestType> f;
    const EventResult result = f.push(assign(1, "04A1B2C3", 2));
    CHECK(result.outcome == Outcome::Refused);
    CHECK(result.reason == "badge_taken");
    CHECK_THAT(result.message, Catch::Contains("04A1B2C3"));
    CHECK(f.new_changes().empty());
    // Sent again, the refusal is repeated as a duplicate.
    const EventResult again = f.push(assign(1, "04A1B2C3", 2));
    CHECK(again.outcome == Outcome::Duplicate);
    CHECK(again.original == Outcome::Refused);
    CHECK(again.reason == "badge_taken");
}

STORE_TEST("a badge given to a child of another site is refused as unknown child") {
    Fixture<TestType> f;
    Child far;
    far.family = FamilyId{2};
    REQUIRE(f.store->commit(f.other_site, {{ChangeKind::Upsert, far}}).ok());
    const EventResult result = f.push(assign(1, "04FFEE01", 3));
    CHECK(result.outcome == Outcome::Refused);
    CHECK(result.reason == "unknown_child");
}

TEST_CASE("a staff badge or a guardian's card cannot be given to a child") {
    CHECK(decide_badge_assignment(assign(1, "04A1B2C3", 1),
                                  Badge{"04A1B2C3", HolderKind::Staff, 1, BadgeState::Active})
              .reason == "badge_taken");
    CHECK(decide_badge_assignment(assign(1, "04A1B2C3", 1),
                                  Badge{"04A1B2C3", HolderKind::Guardian, 1, BadgeState::Revoked})
              .reason == "badge_taken");
    // The child's own revoked badge, handed back, is active again.
    CHECK(decide_badge_assignment(assign(1, "04A1B2C3", 1),
                                  Badge{"04A1B2C3", HolderKind::Child, 1, BadgeState::Revoked})
              .outcome == Outcome::Accepted);
    CHECK(badge_after_assignment(assign(1, "04A1B2C3", 1)).state == BadgeState::Active);
}

STORE_TEST("a PIN changed at a kiosk stores the new hash and clears the pending reset") {
    Fixture<TestType> f;
    const EventResult result =
        f.push(change_pin(1, PinSubject::Staff, 1, kNewHash, "2027-01-15T10:00:00+01:00"));
    CHECK(result.outcome == Outcome::Accepted);
    const auto changes = f.new_changes();
    REQUIRE(changes.size() == 1);
    const PinRecord& pin = std::get<PinRecord>(changes[0].data);
    CHECK(pin.subject == PinSubject::Staff);
    CHECK(pin.id == 1);
    CHECK(pin.pin_hash == kNewHash);
    CHECK(pin.reset_code_hash.empty());
}

STORE_TEST("of two PIN changes for one family the later made wins in any order of delivery") {
    Fixture<TestType> f;
    CHECK(f.push(change_pin(2, PinSubject::Family, 1, kNewHash, "2027-01-15T08:05:00+01:00")).outcome ==
          Outcome::Accepted);
    CHECK(f.push(change_pin(1, PinSubject::Family, 1, kOldHash, "2027-01-15T08:00:00+01:00")).outcome ==
          Outcome::Accepted);
    const auto changes = f.new_changes();
    REQUIRE(changes.size() == 1);
    CHECK(std::get<PinRecord>(changes[0].data).pin_hash == kNewHash);
}

STORE_TEST("a PIN change made before a reset was printed changes nothing when it arrives late") {
    Fixture<TestType> f;
    // The staff member's reset expires on 18 January 09:00, so it was printed on the 15th at 09:00.
    CHECK(f.push(change_pin(1, PinSubject::Staff, 1, kNewHash, "2027-01-15T08:59:00+01:00")).outcome ==
          Outcome::Accepted);
    CHECK(f.new_changes().empty());
    CHECK(f.store->find_pin(PinSubject::Staff, 1).value()->reset_code_hash == "reset-hash");
    CHECK(f.push(change_pin(2, PinSubject::Staff, 1, kNewHash, "2027-01-15T09:05:00+01:00")).outcome ==
          Outcome::Accepted);
    CHECK(f.new_changes().size() == 1);
    CHECK(f.store->find_pin(PinSubject::Staff, 1).value()->reset_code_hash.empty());
}

STORE_TEST("a PIN change for a family or staff member the site does not have is refused") {
    Fixture<TestType> f;
    CHECK(f.push(change_pin(1, PinSubject::Family, 2, kNewHash, "2027-01-15T08:00:00+01:00")).reason ==
          "unknown_family");
    CHECK(f.push(change_pin(2, PinSubject::Staff, 9, kNewHash, "2027-01-15T08:00:00+01:00")).reason ==
          "unknown_staff");
    CHECK(f.new_changes().empty());
}

TEST_CASE("a portal database of schema 1 is upgraded at open and keeps its data") {
    testing::TempDir dir;
    const auto path = dir / "p.sqlite";
    {
        auto store = open_sqlite_portal_store(path, OpenMode::CreateIfMissing);
        REQUIRE(store.ok());
        REQUIRE((*store)->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"}).ok());
    }
    // Take the file back to what a first-version portal wrote: drop every table schema 1 did not have.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const std::set<std::string> version_1_tables{
        "meta",      "sites",          "kiosks",          "enrollment_codes",    "families",
        "guardians", "children",       "badges",          "activities",          "closed_periods",
        "absences",  "reservations",   "booking_intents", "server_transactions", "change_log",
        "events",    "sqlite_sequence"};
    std::vector<std::string> later_tables;
    sqlite3_stmt* select = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &select,
                               nullptr) == SQLITE_OK);
    while (sqlite3_step(select) == SQLITE_ROW) {
        std::string name = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
        if (!version_1_tables.contains(name))
            later_tables.push_back(std::move(name));
    }
    sqlite3_finalize(select);
    CHECK(std::find(later_tables.begin(), later_tables.end(), "staff") != later_tables.end());
    for (const std::string& name : later_tables)
        REQUIRE(sqlite3_exec(db, ("DROP TABLE " + name).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    // Schema 1's only index of its own is change_log_by_site; later ones go too.
    REQUIRE(sqlite3_exec(db, "DROP INDEX change_log_by_txn", nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value = 1 WHERE key = 'version'", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    sqlite3_close(db);

    auto store = open_sqlite_portal_store(path, OpenMode::MustExist);
    INFO((store.ok() ? std::string() : store.error().message));
    REQUIRE(store.ok());
    CHECK((*store)->find_site("École Jules Ferry")->has_value());
    auto written = (*store)->commit(
        SiteId{1}, {{ChangeKind::Upsert, StaffMember{StaffId{}, SiteId{1}, "N", "B", "cuisine"}}});
    REQUIRE(written.ok());
    CHECK(std::get<StaffMember>((*written)[0]).id == StaffId{1});
}
