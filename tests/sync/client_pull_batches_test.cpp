// How the client moves many changes and many events against a real `portal serve`: a long pull is
// applied a batch of pages at a time, a pull cut short keeps the pages that arrived, and the outbox
// count the portal keeps for the admin ends at what is really left.
#include "must.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"
#include "test_kiosk.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace badgeuse;
using namespace badgeuse::sync_tests;
using badgeuse::testing::must;
using badgeuse::testing::PortalFixture;
using badgeuse::testing::TempDir;
using namespace std::chrono_literals;

namespace {

constexpr int kExtraFamilies = 30;

// The sync tests' portal, and then one server transaction per new family: with a page limit of 1, one
// page each.
testing::PortalFixtureOptions portal_with_many_transactions(int requests_per_minute = 100000) {
    testing::PortalFixtureOptions options = portal_options();
    options.requests_per_minute = requests_per_minute;
    auto seed = options.extra_seed;
    options.extra_seed = [seed](portal::PortalStore& store, const testing::SeededSite& site) {
        seed(store, site);
        for (int i = 0; i < kExtraFamilies; ++i) {
            auto written =
                store.commit(site.site, {{protocol::ChangeKind::Upsert,
                                          Family{FamilyId{}, site.site, "BLENFANCE-90-" + std::to_string(i),
                                                 "Famille " + std::to_string(i)}}});
            if (!written)
                throw std::runtime_error("seeding families: " + written.error().message);
        }
    };
    return options;
}

// The portal's record of the kiosk's outbox, from its database.
std::int64_t portal_events_waiting(const std::filesystem::path& database) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    std::int64_t waiting = -1;
    if (sqlite3_prepare_v2(db, "SELECT events_waiting FROM kiosk_contacts", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        waiting = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return waiting;
}

} // namespace

TEST_CASE("a pull of many pages is applied a batch of pages at a time and ends with all of them") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_with_many_transactions());
    const std::string token = portal.enroll("préau");
    TestKiosk kiosk;
    sync::ClientSettings settings = settings_for(portal.port(), *portal.ca(), token);
    settings.pull_limit = 1; // a page per server transaction
    settings.apply_batch = 10;
    kiosk.start(settings);

    REQUIRE(wait_until([&] { return kiosk.last_state().last_sync.has_value(); }, 15s));
    CHECK(kiosk.families() == static_cast<std::int64_t>(portal.site().children.size()) + kExtraFamilies);
    const std::vector<std::size_t> applied = kiosk.recording().applied();
    std::size_t total = 0;
    for (std::size_t changes : applied)
        total += changes;
    INFO("transactions: " << applied.size() << ", changes: " << total);
    // One transaction per 10 changes or so, where a page per transaction would have made 33 or more.
    CHECK(applied.size() <= total / 10 + 1);
    for (std::size_t i = 0; i + 1 < applied.size(); ++i)
        CHECK(applied[i] >= 10);
    CHECK(applied.back() > 0);
}

TEST_CASE("a pull the portal cuts short keeps the pages that arrived before the refusal") {
    TempDir dir;
    // Six requests, then one every ten seconds: the clock, five pages, and a 429.
    PortalFixture portal(dir.path() / "portal", portal_with_many_transactions(6));
    const std::string token = portal.enroll("préau");
    TestKiosk kiosk;
    sync::ClientSettings settings = settings_for(portal.port(), *portal.ca(), token);
    settings.pull_limit = 1;
    settings.apply_batch = 1000; // more than the whole site: only the refusal makes it apply
    kiosk.start(settings);

    REQUIRE(wait_until([&] { return !kiosk.last_state().last_error.empty(); }, 15s));
    CHECK_THAT(kiosk.last_state().last_error, Catch::Contains("429"));
    CHECK(kiosk.last_state().link == sync::LinkState::Offline);
    const std::int64_t cursor = std::stoll(must(kiosk.app_store().pull_cursor()));
    CHECK(cursor > 0);
    CHECK(kiosk.families() < static_cast<std::int64_t>(portal.site().children.size()) + kExtraFamilies);
    REQUIRE_FALSE(kiosk.recording().applied().empty());
    CHECK(kiosk.recording().applied().front() > 0);
}

TEST_CASE("the portal's count of a kiosk's waiting events ends at zero once the last batch is in") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    TestKiosk kiosk;
    sync::ClientSettings settings = settings_for(portal.port(), *portal.ca(), token);
    settings.push_batch = 200;
    kiosk.start(settings);
    REQUIRE(wait_until([&] { return kiosk.last_state().last_sync.has_value(); }, 10s));
    // A canteen rush: the pushes that follow (the next pull is a minute away) end the exchanges.
    for (int n = 0; n < 250; ++n)
        REQUIRE(must(kiosk.app_store().record_attendance(arrival(portal.site(), n, 0xBA))) ==
                store::RecordOutcome::Recorded);
    REQUIRE(wait_until([&] { return kiosk.outbox() == 0; }, 15s));
    CHECK(portal_event_ids(portal.database()).size() == 250);
    CHECK(kiosk.last_state().events_waiting == 0);
    // The last request was a push: it said what stays after it, not what it carried.
    CHECK(wait_until([&] { return portal_events_waiting(portal.database()) == 0; }, 5s));
}
