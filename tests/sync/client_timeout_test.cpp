// A portal that accepts the connection and then says nothing: the client gives up at its request
// timeout, reports the link offline with the reason, and keeps the events for later.
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>

#include <mutex>

using namespace badgeuse;
using namespace badgeuse::sync_tests;
using namespace std::chrono_literals;

TEST_CASE("a portal that never answers makes the client time out and report the link offline") {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const auto port = silent.local_endpoint().port(); // the kernel accepts into the backlog; nobody reads

    testing::TempDir dir;
    auto store = store::Store::open(dir / "kiosk.sqlite");
    REQUIRE(store.ok());
    store::StoreReplica replica(*store);
    sync::ClientSettings settings;
    settings.server = *sync::parse_server_url("http://127.0.0.1:" + std::to_string(port));
    settings.token = "t";
    settings.request_timeout = 300ms;
    settings.backoff = {5000ms, 5000ms};
    std::mutex mutex;
    std::vector<sync::SyncState> states;
    sync::ClientCallbacks callbacks;
    callbacks.on_state = [&](const sync::SyncState& state) {
        std::lock_guard lock(mutex);
        states.push_back(state);
    };
    WallClock clock;
    sync::SyncClient client(settings, replica, clock, callbacks);
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(client.start().ok());
    auto offline = [&] {
        std::lock_guard lock(mutex);
        return !states.empty() && states.back().link == sync::LinkState::Offline;
    };
    REQUIRE(wait_until(offline, 5s));
    const auto waited = std::chrono::steady_clock::now() - started;
    client.stop();
    std::lock_guard lock(mutex);
    CHECK_THAT(states.back().last_error, Catch::Contains("did not answer in time"));
    CHECK(waited >= 250ms);
    CHECK(waited < 3s);
}
