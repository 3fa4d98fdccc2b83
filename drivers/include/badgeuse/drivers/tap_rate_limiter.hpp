// TapRateLimiter: lets through at most a sustained rate of taps with a small burst, drops the rest and
// counts them (the staff screen shows the count). Shared by every reader of a kiosk; thread-safe.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>

namespace badgeuse::drivers {

struct RateLimit {
    // A queue of children taps about one badge a second; a reader stuck in a loop or a flood on the
    // simulator's socket taps hundreds. Five a second with a burst of ten never delays a real queue.
    double per_second = 5.0;
    int burst = 10;
};

class TapRateLimiter {
public:
    explicit TapRateLimiter(RateLimit limit = {});

    // True when the tap may go on; false when it is over the limit, and then it is counted as dropped.
    bool admit(MonotonicTime at);

    std::uint64_t dropped() const { return m_dropped.load(); }
    std::uint64_t admitted() const { return m_admitted.load(); }
    const RateLimit& limit() const { return m_limit; }

private:
    RateLimit m_limit;
    std::mutex m_mutex;
    double m_tokens;
    MonotonicTime m_last{};
    bool m_started = false;
    std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<std::uint64_t> m_admitted{0};
};

// A tap callback that passes admitted taps to `next` and drops the others (counted by `limiter`,
// which must outlive it).
std::function<void(BadgeTap)> limit_taps(TapRateLimiter& limiter, std::function<void(BadgeTap)> next);

} // namespace badgeuse::drivers
