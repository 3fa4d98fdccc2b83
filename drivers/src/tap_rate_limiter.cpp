// TapRateLimiter: a token bucket on the taps' monotonic time.
#include "badgeuse/drivers/tap_rate_limiter.hpp"

#include <algorithm>

namespace badgeuse::drivers {

TapRateLimiter::TapRateLimiter(RateLimit limit)
    : m_limit(limit)
    , m_tokens(static_cast<double>(limit.burst)) {}

bool TapRateLimiter::admit(MonotonicTime at) {
    std::lock_guard lock(m_mutex);
    if (!m_started) {
        m_started = true;
        m_last = at;
    }
    // Two readers' threads may hand in taps slightly out of order: an older one refills nothing.
    if (at > m_last) {
        std::chrono::duration<double> elapsed = at - m_last;
        m_tokens =
            std::min(static_cast<double>(m_limit.burst), m_tokens + elapsed.count() * m_limit.per_second);
        m_last = at;
    }
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_admitted.fetch_add(1);
        return true;
    }
    m_dropped.fetch_add(1);
    return false;
}

std::function<void(BadgeTap)> limit_taps(TapRateLimiter& limiter, std::function<void(BadgeTap)> next) {
    return [&limiter, next = std::move(next)](BadgeTap tap) {
        if (limiter.admit(tap.at))
            next(std::move(tap));
    };
}

} // namespace badgeuse::drivers
