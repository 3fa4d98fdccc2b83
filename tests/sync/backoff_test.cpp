// The backoff schedule with an injected random source: caps double from 1 s to 5 min, full jitter draws
// under the cap, and a success starts again from 1 s.
#include "badgeuse/sync/backoff.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace badgeuse::sync;
using std::chrono::milliseconds;

TEST_CASE("backoff caps double from one second and stop at five minutes") {
    Backoff backoff({}, [] { return 0.999999; });
    std::vector<long> delays;
    for (int i = 0; i < 12; ++i)
        delays.push_back(static_cast<long>(backoff.next_delay().count()));
    // The top of each draw is just under the cap: 1 s, 2 s, 4 s ... 256 s, then 300 s for ever.
    const std::vector<long> caps = {1000,  2000,   4000,   8000,   16000,  32000,
                                    64000, 128000, 256000, 300000, 300000, 300000};
    for (std::size_t i = 0; i < caps.size(); ++i) {
        INFO("attempt " << i);
        CHECK(delays[i] <= caps[i]);
        CHECK(delays[i] >= caps[i] - 1);
    }
}

TEST_CASE("backoff with full jitter draws anywhere between zero and the cap") {
    std::vector<double> draws = {0.0, 0.5, 0.25, 0.75};
    std::size_t next = 0;
    Backoff backoff({}, [&] { return draws[next++]; });
    CHECK(backoff.next_delay() == milliseconds{0});    // cap 1 s
    CHECK(backoff.next_delay() == milliseconds{1000}); // cap 2 s
    CHECK(backoff.next_delay() == milliseconds{1000}); // cap 4 s
    CHECK(backoff.next_delay() == milliseconds{6000}); // cap 8 s
}

TEST_CASE("backoff starts again from one second after a success") {
    Backoff backoff({}, [] { return 0.999999; });
    for (int i = 0; i < 20; ++i)
        (void)backoff.next_delay();
    CHECK(backoff.current_cap() == milliseconds{300000});
    backoff.reset();
    CHECK(backoff.failures() == 0);
    CHECK(backoff.current_cap() == milliseconds{1000});
    CHECK(backoff.next_delay() <= milliseconds{1000});
}

TEST_CASE("backoff after a week of failures still waits five minutes at most") {
    Backoff backoff({}, [] { return 0.999999; });
    for (int i = 0; i < 10000; ++i)
        REQUIRE(backoff.next_delay() <= milliseconds{300000});
    CHECK(backoff.current_cap() == milliseconds{300000});
}
