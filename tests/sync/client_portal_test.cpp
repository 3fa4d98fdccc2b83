// The sync client against a real `portal serve` over TLS on loopback: it pulls the site into the
// kiosk's store, pushes each tap right after it is recorded, measures the clock offset, refuses a
// portal its CA did not sign, and delivers every event exactly once across a portal outage.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "fault_proxy.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <mutex>

using namespace badgeuse;
using namespace badgeuse::sync_tests;
using badgeuse::testing::PortalFixture;
using badgeuse::testing::TempDir;
using namespace std::chrono_literals;

namespace {

template <typename T>
T must(Result<T> result) {
    INFO((result.ok() ? std::string("ok") : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

// The kiosk's side as the executable wires it: the app's Store, and the client's own Store on the
// same file with the replica over it.
class Kiosk {
public:
    Kiosk()
        : m_path(m_dir / "kiosk.sqlite")
        , m_app(must(store::Store::open(m_path)))
        , m_sync(must(m_app.open_peer()))
        , m_replica(m_sync) {}
    ~Kiosk() {
        if (m_client)
            m_client->stop();
    }

    void start(sync::ClientSettings settings) {
        sync::ClientCallbacks callbacks;
        callbacks.on_state = [this](const sync::SyncState& state) {
            std::lock_guard lock(m_mutex);
            m_states.push_back(state);
        };
        m_client = std::make_unique<sync::SyncClient>(std::move(settings), m_replica, m_clock, callbacks);
        m_app.set_outbox_listener([this] { m_client->notify_event(); });
        auto started = m_client->start();
        INFO((started.ok() ? std::string("ok") : started.error().message));
        REQUIRE(started.ok());
    }

    store::Store& app_store() { return m_app; }
    sync::SyncClient& client() { return *m_client; }
    sync::SyncState last_state() {
        std::lock_guard lock(m_mutex);
        return m_states.empty() ? sync::SyncState{} : m_states.back();
    }
    std::int64_t outbox() { return must(m_app.outbox_count()); }
    std::int64_t children() { return static_cast<std::int64_t>(must(m_app.children().list()).size()); }

private:
    TempDir m_dir;
    std::filesystem::path m_path;
    store::Store m_app;
    store::Store m_sync;
    store::StoreReplica m_replica;
    WallClock m_clock;
    std::mutex m_mutex;
    std::vector<sync::SyncState> m_states;
    std::unique_ptr<sync::SyncClient> m_client;
};

sync::ClientSettings settings_for(std::uint16_t port, const std::filesystem::path& ca, std::string token) {
    sync::ClientSettings settings;
    settings.server = must(sync::parse_server_url("https://127.0.0.1:" + std::to_string(port)));
    settings.ca_file = ca;
    settings.token = std::move(token);
    settings.pull_every = 60s; // longer than any test: a push must come from notify_event
    settings.request_timeout = 5s;
    settings.backoff = {200ms, 1000ms};
    return settings;
}

AttendanceEvent arrival(const testing::SeededSite& site, int n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[0] = 0x5C;
    bytes[14] = static_cast<std::uint8_t>(n >> 8);
    bytes[15] = static_cast<std::uint8_t>(n);
    AttendanceEvent event;
    event.id = Uuid::from_random_bytes(bytes);
    event.child = site.children[static_cast<std::size_t>(n) % site.children.size()];
    event.activity = site.canteen;
    event.day = add_days(*parse_date("2026-11-02"), n / 3);
    event.at = *paris::parse_iso8601(format_date(event.day) + "T11:40:00+01:00");
    event.badge_uid = badge_of_child(n % 3);
    return event;
}

} // namespace

TEST_CASE("the client pulls the site into the kiosk's store and pushes a tap right after it is recorded") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    Kiosk kiosk;
    kiosk.start(settings_for(portal.port(), *portal.ca(), token));

    REQUIRE(wait_until([&] { return kiosk.children() == 3; }, 10s));
    auto badge = must(kiosk.app_store().badges().find(badge_of_child(0)));
    REQUIRE(badge);
    CHECK(badge->holder_id == portal.site().children[0].value);
    REQUIRE(wait_until([&] { return kiosk.last_state().link == sync::LinkState::Online; }, 5s));

    const AttendanceEvent event = arrival(portal.site(), 1);
    REQUIRE(must(kiosk.app_store().record_attendance(event)) == store::RecordOutcome::Recorded);
    // The next pull is a minute away: only the push after the commit can bring it this fast.
    REQUIRE(
        wait_until([&] { return portal_event_ids(portal.database()).count(event.id.to_string()) == 1; }, 5s));
    REQUIRE(wait_until([&] { return kiosk.outbox() == 0 && kiosk.last_state().events_waiting == 0; }, 5s));

    const sync::SyncState state = kiosk.last_state();
    CHECK(state.link == sync::LinkState::Online);
    CHECK(state.last_sync.has_value());
    CHECK_FALSE(state.offline_since.has_value());
    // The portal's clock was started on 10 December; the kiosk's is the machine's: far off, and flagged.
    REQUIRE(state.clock.has_value());
    const auto expected = *paris::parse_iso8601(kCanteenTime) - WallClock{}.now();
    CHECK(std::chrono::abs(state.clock->offset - expected) < 10s);
    CHECK(state.clock->warning() == (std::chrono::abs(expected) > 2min));
    CHECK(state.clock->round_trip < 5s);
}

TEST_CASE("a client that trusts another CA refuses the portal's certificate and sends nothing") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    Kiosk kiosk;
    REQUIRE(must(kiosk.app_store().record_attendance(arrival(portal.site(), 1))) ==
            store::RecordOutcome::Recorded);
    kiosk.start(settings_for(portal.port(), dir.path() / "portal" / "pki" / "other-ca.pem", token));

    REQUIRE(wait_until([&] { return kiosk.last_state().link == sync::LinkState::Offline; }, 10s));
    const sync::SyncState state = kiosk.last_state();
    CHECK_THAT(state.last_error, Catch::Contains("not trusted"));
    CHECK_THAT(state.last_error, Catch::Contains("nothing was sent"));
    CHECK(state.offline_since.has_value());
    CHECK(state.events_waiting == 1);
    CHECK(portal_event_ids(portal.database()).empty());
    CHECK(kiosk.outbox() == 1);
    CHECK(kiosk.children() == 0);
}

TEST_CASE("taps recorded while the portal is down all arrive exactly once when it comes back") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    // The kiosk keeps one address; the proxy follows the portal to the port it gets after a restart.
    testing::FaultProxy proxy(portal.port(), 1);
    proxy.set_faults(false);
    Kiosk kiosk;
    kiosk.start(settings_for(proxy.port(), *portal.ca(), token));
    REQUIRE(wait_until([&] { return kiosk.last_state().link == sync::LinkState::Online; }, 10s));

    std::vector<AttendanceEvent> events;
    for (int n = 0; n < 25; ++n)
        events.push_back(arrival(portal.site(), n));
    for (int n = 0; n < 5; ++n)
        REQUIRE(must(kiosk.app_store().record_attendance(events[static_cast<std::size_t>(n)])) ==
                store::RecordOutcome::Recorded);
    REQUIRE(wait_until([&] { return kiosk.outbox() == 0; }, 5s));

    portal.process().kill_hard();
    for (int n = 5; n < 25; ++n)
        REQUIRE(must(kiosk.app_store().record_attendance(events[static_cast<std::size_t>(n)])) ==
                store::RecordOutcome::Recorded);
    REQUIRE(wait_until([&] { return kiosk.last_state().link == sync::LinkState::Offline; }, 5s));
    CHECK(kiosk.outbox() == 20);
    CHECK_FALSE(kiosk.last_state().last_error.empty());

    portal.restart();
    proxy.set_target_port(portal.port());
    // No new tap: the backoff's own timer retries the failed push.
    REQUIRE(wait_until([&] { return kiosk.outbox() == 0; }, 15s));
    REQUIRE(wait_until([&] { return kiosk.last_state().link == sync::LinkState::Online; }, 5s));
    const auto stored = portal_event_ids(portal.database());
    CHECK(stored.size() == 25);
    for (const AttendanceEvent& event : events) {
        auto found = stored.find(event.id.to_string());
        REQUIRE(found != stored.end());
        CHECK(found->second == 1);
    }
}
