// The token bucket alone, on a manual clock: the burst, the refill, and each caller on its own.
#include "badgeuse/core/paris_time.hpp"
#include "server/rate_limiter.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using badgeuse::portal::server::RateLimiter;

TEST_CASE("a caller gets requests_per_minute at once, then one more each 60/N seconds") {
    ManualClock clock(*paris::parse_iso8601("2026-12-08T08:00:00+01:00"));
    RateLimiter limiter(6, clock);
    for (int i = 0; i < 6; ++i)
        REQUIRE(limiter.take("kiosk-a").allowed);
    const auto refused = limiter.take("kiosk-a");
    CHECK_FALSE(refused.allowed);
    CHECK(refused.retry_after == std::chrono::seconds(10));
    CHECK(limiter.take("kiosk-b").allowed);
    clock.advance(std::chrono::seconds(9));
    CHECK_FALSE(limiter.take("kiosk-a").allowed);
    clock.advance(std::chrono::seconds(1));
    CHECK(limiter.take("kiosk-a").allowed);
    CHECK_FALSE(limiter.take("kiosk-a").allowed);
    clock.advance(std::chrono::hours(1)); // refills to the burst, no more
    for (int i = 0; i < 6; ++i)
        REQUIRE(limiter.take("kiosk-a").allowed);
    CHECK_FALSE(limiter.take("kiosk-a").allowed);
}
