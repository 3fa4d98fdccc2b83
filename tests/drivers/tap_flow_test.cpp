// What stands between readers and the kiosk's tap queue: one tap per presentation, and the rate limiter.
#include "badgeuse/drivers/presentation_filter.hpp"
#include "badgeuse/drivers/tap_rate_limiter.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::drivers;
using namespace std::chrono_literals;

namespace {

const MonotonicTime kStart = MonotonicTime{} + 1000h;

BadgeTap tap_at(MonotonicTime at, std::string uid = "04A1B2C3") {
    return BadgeTap{std::move(uid), "nfc", at};
}

} // namespace

TEST_CASE("a card seen at every poll while it is held is one presentation") {
    PresentationFilter filter(1000ms);
    CHECK(filter.seen("04A1B2C3", kStart));
    for (int poll = 1; poll <= 40; ++poll) // ten seconds held, seen every 250 ms
        CHECK_FALSE(filter.seen("04A1B2C3", kStart + poll * 250ms));
}

TEST_CASE("a card taps again once unseen for the re-arm delay, not before") {
    PresentationFilter filter(1000ms);
    CHECK(filter.seen("04A1B2C3", kStart));
    CHECK_FALSE(filter.seen("04A1B2C3", kStart + 999ms));
    CHECK_FALSE(filter.seen("04A1B2C3", kStart + 1998ms)); // 999 ms after it was last seen
    CHECK(filter.seen("04A1B2C3", kStart + 2998ms));       // 1000 ms after
    CHECK(filter.seen("04D1E2F3", kStart + 2998ms));       // another card is its own presentation
}

TEST_CASE("while cards crowd the reader, the ones that tapped count as still there") {
    PresentationFilter filter(1000ms);
    CHECK(filter.seen("04A1B2C3", kStart));
    for (int poll = 1; poll <= 10; ++poll)
        filter.crowded(kStart + poll * 250ms);
    CHECK_FALSE(filter.seen("04A1B2C3", kStart + 2750ms)); // the other card left; this one never did
    CHECK(filter.seen("04D1E2F3", kStart + 2750ms));       // the other one never tapped
}

TEST_CASE("taps within the rate limit all pass, the one over the burst is dropped and counted") {
    TapRateLimiter limiter(RateLimit{5.0, 10});
    for (int i = 0; i < 10; ++i)
        CHECK(limiter.admit(kStart));
    CHECK_FALSE(limiter.admit(kStart));
    CHECK(limiter.dropped() == 1);
    CHECK_FALSE(limiter.admit(kStart + 199ms));
    CHECK(limiter.admit(kStart + 201ms)); // a fifth of a second buys one tap at 5 a second
    CHECK(limiter.admitted() == 11);
    CHECK(limiter.dropped() == 2);
}

TEST_CASE("a flood of 1,000 taps in a second lets through the burst and the rate, and counts the rest") {
    TapRateLimiter limiter(RateLimit{5.0, 10});
    for (int i = 0; i < 1000; ++i)
        limiter.admit(kStart + i * 1ms);
    CHECK(limiter.admitted() == 10 + 4); // 999 ms at 5 a second: four more whole taps
    CHECK(limiter.dropped() == 1000 - limiter.admitted());
}

TEST_CASE("a tap stamped before the last one (another reader's thread) is judged without refilling") {
    TapRateLimiter limiter(RateLimit{1.0, 1});
    CHECK(limiter.admit(kStart + 10s));
    CHECK_FALSE(limiter.admit(kStart + 5s));
    CHECK(limiter.admit(kStart + 11s));
}

TEST_CASE("limit_taps passes admitted taps on and drops the others") {
    TapRateLimiter limiter(RateLimit{1.0, 2});
    std::vector<std::string> passed;
    auto sink = limit_taps(limiter, [&](BadgeTap tap) { passed.push_back(tap.uid); });
    sink(tap_at(kStart, "0A000001"));
    sink(tap_at(kStart, "0A000002"));
    sink(tap_at(kStart, "0A000003"));
    CHECK(passed == std::vector<std::string>{"0A000001", "0A000002"});
    CHECK(limiter.dropped() == 1);
}
