// The sync client against a real `portal serve` over TLS on loopback: it pulls the site into the
// kiosk's store, pushes each tap right after it is recorded, measures the clock offset, refuses a
// portal its CA did not sign, and delivers every event exactly once across a portal outage.
#include "badgeuse/core/paris_time.hpp"
#include "fault_proxy.hpp"
#include "must.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"
#include "test_kiosk.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::sync_tests;
using badgeuse::testing::must;
using badgeuse::testing::PortalFixture;
using badgeuse::testing::TempDir;
using Kiosk = badgeuse::sync_tests::TestKiosk;
using namespace std::chrono_literals;

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
