// The kiosk's own sync client (sync/client over the kiosk's store, as the executable wires them) behind
// the fault proxy: taps recorded one after another while connections are cut, delayed and replayed for
// 200+ connections. The outbox empties, and the portal's database has every tap once.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "fault_proxy.hpp"
#include "must.hpp"
#include "support/portal_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <thread>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;

namespace {

class SystemTime final : public Clock {
public:
    Instant now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
};

// Polls `done` every 50 ms until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

std::map<std::string, int> stored_ids(const std::filesystem::path& database) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT id FROM events", -1, &statement, nullptr) == SQLITE_OK);
    std::map<std::string, int> ids;
    while (sqlite3_step(statement) == SQLITE_ROW)
        ++ids[reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))];
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return ids;
}

AttendanceEvent tap(const SeededSite& site, int n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[0] = 0xE2;
    bytes[14] = static_cast<std::uint8_t>(n >> 8);
    bytes[15] = static_cast<std::uint8_t>(n);
    AttendanceEvent event;
    event.id = Uuid::from_random_bytes(bytes);
    event.child = site.children[static_cast<std::size_t>(n) % site.children.size()];
    event.activity = site.canteen;
    event.day = add_days(*parse_date("2026-11-02"), n / static_cast<int>(site.children.size()));
    event.at = *paris::parse_iso8601(format_date(event.day) + "T11:40:00+01:00");
    return event;
}

// The kiosk's two connections on one file, as kiosk/main.cpp wires them (the app's and the client's),
// and its sync client pointed at `port`.
struct KioskSide {
    KioskSide(const std::filesystem::path& db, std::uint16_t port, const std::filesystem::path& ca,
              const std::string& token)
        : app(must(store::Store::open(db)))
        , sync_side(must(app.open_peer()))
        , replica(sync_side)
        , client(settings(port, ca, token), replica, clock, {}) {
        app.set_outbox_listener([this] { client.notify_event(); });
        REQUIRE(client.start().ok());
    }
    ~KioskSide() { client.stop(); }
    KioskSide(const KioskSide&) = delete;
    KioskSide& operator=(const KioskSide&) = delete;

    static sync::ClientSettings settings(std::uint16_t port, const std::filesystem::path& ca,
                                         const std::string& token) {
        sync::ClientSettings s;
        s.server = must(sync::parse_server_url("https://127.0.0.1:" + std::to_string(port)));
        s.ca_file = ca;
        s.token = token;
        s.pull_every = 2s;
        s.request_timeout = 3s;
        s.backoff = {50ms, 400ms};
        return s;
    }
    std::int64_t outbox() { return must(app.outbox_count()); }

    store::Store app;
    store::Store sync_side;
    store::StoreReplica replica;
    SystemTime clock;
    sync::SyncClient client;
};

void check_each_stored_once(const PortalFixture& portal, const std::vector<AttendanceEvent>& taps) {
    const std::map<std::string, int> stored = stored_ids(portal.database());
    CHECK(stored.size() == taps.size());
    for (const AttendanceEvent& event : taps) {
        const auto found = stored.find(event.id.to_string());
        INFO("tap " << event.id.to_string());
        REQUIRE(found != stored.end());
        CHECK(found->second == 1);
    }
}

PortalFixtureOptions portal_options() {
    PortalFixtureOptions options;
    options.executable = BADGEUSE_PORTAL_EXE;
    options.children = 20;
    return options;
}

} // namespace

TEST_CASE("a kiosk's sync client behind 200 faulty connections delivers every tap exactly once") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    FaultProxy proxy(portal.port(), 4242);
    KioskSide kiosk(dir.path() / "kiosk.sqlite", proxy.port(), *portal.ca(), token);

    std::vector<AttendanceEvent> taps;
    // Until 200 connections have met the faults (a bound, in case the client stops connecting).
    for (int n = 0; n < 1500 && proxy.counts().connections < 200; ++n) {
        taps.push_back(tap(portal.site(), n));
        REQUIRE(must(kiosk.app.record_attendance(taps.back())) == store::RecordOutcome::Recorded);
        std::this_thread::sleep_for(30ms);
    }
    // The faults stay on: the client's own retries must get everything through them.
    const bool emptied = eventually([&] { return kiosk.outbox() == 0; }, 120s);
    kiosk.client.stop();
    const FaultCounts counts = proxy.settled_counts();
    INFO(taps.size() << " taps; proxy: " << counts.connections << " connections, " << counts.passed
                     << " passed, " << counts.cut_to_server << " cut to the portal, " << counts.cut_to_client
                     << " cut to the kiosk, " << counts.delayed << " delayed, " << counts.replayed
                     << " replayed");
    CHECK(emptied);
    CHECK(counts.connections >= 200);
    CHECK(counts.cut_to_server > 0);
    CHECK(counts.cut_to_client > 0);
    CHECK(counts.replayed > 0);

    check_each_stored_once(portal, taps);
}

TEST_CASE("a kiosk's sync client loses no tap and doubles none while the portal is SIGKILLed mid-push") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    FaultPlan no_faults;
    no_faults.cut_to_server = no_faults.cut_to_client = no_faults.delay = no_faults.replay = 0;
    FaultProxy proxy(portal.port(), 1, no_faults); // one address for the kiosk across restarts
    KioskSide kiosk(dir.path() / "kiosk.sqlite", proxy.port(), *portal.ca(), token);

    std::vector<AttendanceEvent> taps;
    for (int n = 0; n < 120; ++n)
        taps.push_back(tap(portal.site(), n));
    // Taps keep coming (one every 20 ms, each pushed at once) while the portal is killed five times.
    std::atomic<bool> tapping_failed{false};
    std::thread tapping([&] {
        for (const AttendanceEvent& event : taps) {
            auto recorded = kiosk.app.record_attendance(event);
            if (!recorded || *recorded != store::RecordOutcome::Recorded)
                tapping_failed = true;
            std::this_thread::sleep_for(20ms);
        }
    });
    // The app's connection belongs to the tapping thread: this one watches from outside (WAL lets it in).
    // A peer connection: Store::open on a file this process holds would drop SQLite's locks on it.
    store::Store observer = must(kiosk.app.open_peer());
    int kills_with_taps_waiting = 0; // unacknowledged taps at the kill: in flight or about to be
    for (int kill = 0; kill < 5; ++kill) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150 + 97 * kill));
        portal.process().kill_hard();
        kills_with_taps_waiting += must(observer.outbox_count()) > 0 ? 1 : 0;
        std::this_thread::sleep_for(100ms);
        portal.restart();
        proxy.set_target_port(portal.port());
    }
    tapping.join();
    CHECK_FALSE(tapping_failed);
    const bool emptied = eventually([&] { return kiosk.outbox() == 0; }, 60s);
    kiosk.client.stop();
    CHECK(emptied);
    // How the kills fell is timing, so it is reported rather than asserted.
    const FaultCounts counts = proxy.settled_counts();
    INFO(kills_with_taps_waiting << " of 5 kills with taps unacknowledged; " << counts.upstream_refused
                                 << " connections met a dead portal");
    check_each_stored_once(portal, taps);
}
