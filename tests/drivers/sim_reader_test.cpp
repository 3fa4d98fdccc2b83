// SimReader and badge-sim, the real executable, on a real Unix socket; the flood goes through the
// rate limiter the kiosk puts between its readers and its tap queue.
#include "badgeuse/drivers/sim/sim_reader.hpp"
#include "badgeuse/drivers/tap_rate_limiter.hpp"
#include "reader_probe.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <mutex>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace badgeuse::drivers;
using namespace std::chrono_literals;
using badgeuse::testing::ReaderProbe;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

const std::string kBadgeSim = BADGEUSE_BADGE_SIM_EXE;

bool probe_wait(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

} // namespace

TEST_CASE("badge-sim tap reaches the simulated reader with the UID normalised") {
    TempDir dir;
    ReaderProbe probe;
    SimReader reader(SimReaderOptions{"sim", dir / "sim.sock"});
    REQUIRE(reader.start(probe.callbacks()).ok());
    CHECK(reader.status().state == ReaderState::Connected);

    auto before = std::chrono::steady_clock::now();
    auto result = run_process(kBadgeSim, {"tap", "04:a1:b2:c3", "--socket", (dir / "sim.sock").string()});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    REQUIRE(probe.wait_for_taps(1, 2s));
    auto tap = probe.taps()[0];
    CHECK(tap.uid == "04A1B2C3");
    CHECK(tap.reader == "sim");
    CHECK(tap.at >= before);
}

TEST_CASE("badge-sim refuses a malformed UID or command with status 2 and a reason") {
    auto bad_uid = run_process(kBadgeSim, {"tap", "04A1B2", "--socket", "/nonexistent.sock"});
    CHECK(bad_uid.exit_code == 2);
    CHECK(bad_uid.err.find("4 to 10 bytes") != std::string::npos);
    auto bad_command = run_process(kBadgeSim, {"tickle"});
    CHECK(bad_command.exit_code == 2);
    CHECK(bad_command.err.find("unknown command tickle") != std::string::npos);
    auto bad_count = run_process(kBadgeSim, {"burst", "lots"});
    CHECK(bad_count.exit_code == 2);
    CHECK(bad_count.err.find("expected a number of taps") != std::string::npos);
}

TEST_CASE("badge-sim says so when no simulated reader listens") {
    TempDir dir;
    auto result = run_process(kBadgeSim, {"tap", "04A1B2C3", "--socket", (dir / "nobody.sock").string()});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("no simulated reader listens on") != std::string::npos);
}

TEST_CASE("badge-sim burst N taps N distinct badges") {
    TempDir dir;
    ReaderProbe probe;
    SimReader reader(SimReaderOptions{"sim", dir / "sim.sock"});
    REQUIRE(reader.start(probe.callbacks()).ok());
    auto result = run_process(kBadgeSim, {"burst", "50", "--socket", (dir / "sim.sock").string()});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("sent 50 taps") != std::string::npos);
    REQUIRE(probe.wait_for_taps(50, 2s));
    auto uids = probe.tap_uids();
    std::sort(uids.begin(), uids.end());
    CHECK(std::unique(uids.begin(), uids.end()) == uids.end());
    CHECK(uids.front() == "B0000000");
}

TEST_CASE("malformed messages on the simulator's socket are dropped, counted and logged") {
    TempDir dir;
    ReaderProbe probe;
    SimReader reader(SimReaderOptions{"sim", dir / "sim.sock"});
    REQUIRE(reader.start(probe.callbacks()).ok());
    auto client = SimClient::open(dir / "sim.sock");
    REQUIRE(client.ok());
    REQUIRE(client->send_raw("hello").ok());
    REQUIRE(client->send_raw("tap 04ZZ").ok());
    REQUIRE(client->send_raw(std::string(2000, 'x')).ok());
    REQUIRE(client->send_raw(std::string("tap \0\xff\x01", 7)).ok());
    REQUIRE(client->tap("04A1B2C3").ok());
    REQUIRE(probe.wait_for_taps(1, 2s));
    CHECK(reader.malformed() == 4);
    CHECK(probe.tap_uids() == std::vector<std::string>{"04A1B2C3"});
    CHECK(probe.wait_for_log("dropped a malformed message (1 so far): 'hello'", 1s));
    CHECK(probe.wait_for_log("longer than 512 bytes", 1s));
}

TEST_CASE("a stale socket file left by a crash does not stop the simulated reader from starting") {
    TempDir dir;
    // What a crashed kiosk leaves: a socket file bound once, nobody behind it.
    {
        int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strcpy(address.sun_path, (dir / "sim.sock").c_str());
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        ::close(fd);
    }
    REQUIRE(std::filesystem::exists(dir / "sim.sock"));
    ReaderProbe probe;
    SimReader reader(SimReaderOptions{"sim", dir / "sim.sock"});
    REQUIRE(reader.start(probe.callbacks()).ok());
    REQUIRE(SimClient::open(dir / "sim.sock")->tap("04A1B2C3").ok());
    CHECK(probe.wait_for_taps(1, 2s));
}

TEST_CASE("a flood of 1,000 taps a second does not hold up the simulated reader; taps over the limit are "
          "dropped and counted") {
    TempDir dir;
    TapRateLimiter limiter(RateLimit{5.0, 10});
    std::mutex mutex;
    std::vector<BadgeTap> passed; // what would reach the kiosk's tap queue
    std::atomic<std::int64_t> slowest_delivery_us{0};
    auto limited = limit_taps(limiter, [&](BadgeTap tap) {
        std::lock_guard lock(mutex);
        passed.push_back(std::move(tap));
    });
    ReaderCallbacks callbacks;
    callbacks.on_tap = [&](BadgeTap tap) {
        auto begin = std::chrono::steady_clock::now();
        limited(std::move(tap));
        auto took =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - begin);
        if (took.count() > slowest_delivery_us.load())
            slowest_delivery_us.store(took.count());
    };
    SimReader reader(SimReaderOptions{"sim", dir / "sim.sock"});
    REQUIRE(reader.start(std::move(callbacks)).ok());

    auto flood =
        run_process(kBadgeSim, {"burst", "1000", "--rate", "1000", "--socket", (dir / "sim.sock").string()});
    INFO(flood.err);
    REQUIRE(flood.exit_code == 0);
    // badge-sim blocks when the reader's socket queue is full: its finishing in about a second shows
    // the reader kept up with the flood.
    CHECK(flood.out.find("sent 1000 taps in") != std::string::npos);
    REQUIRE(probe_wait([&] { return limiter.admitted() + limiter.dropped() == 1000; }, 2s));

    INFO("admitted " << limiter.admitted() << ", dropped " << limiter.dropped() << ", " << flood.out);
    // About one second at 5 a second after a burst of 10; the flood's own pace varies on a busy machine.
    CHECK(limiter.admitted() >= 10);
    CHECK(limiter.admitted() <= 10 + 5 * 3);
    CHECK(limiter.dropped() == 1000 - limiter.admitted());
    {
        std::lock_guard lock(mutex);
        CHECK(passed.size() == limiter.admitted());
    }
    CHECK(slowest_delivery_us.load() < 20'000);
    CHECK(reader.status().state == ReaderState::Connected);

    // Once the flood is over, a real tap goes through.
    std::this_thread::sleep_for(300ms);
    REQUIRE(SimClient::open(dir / "sim.sock")->tap("04A1B2C3").ok());
    REQUIRE(probe_wait(
        [&] {
            std::lock_guard lock(mutex);
            return !passed.empty() && passed.back().uid == "04A1B2C3";
        },
        2s));
}
