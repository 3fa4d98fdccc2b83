// Token buckets refilled lazily on each request; full ones are forgotten when the table grows, so
// that callers with made-up tokens cannot make it grow without bound.
#include "rate_limiter.hpp"

#include <algorithm>

namespace badgeuse::portal::server {
namespace {

// Beyond this many callers, buckets that have refilled are dropped (they would start full anyway).
constexpr std::size_t kMaxRemembered = 10000;
constexpr std::int64_t kUnitsPerRequest = 60000; // one request, in 1/60000ths

} // namespace

RateLimiter::RateLimiter(int per_minute, const Clock& clock)
    : m_per_minute(per_minute)
    , m_capacity(std::int64_t{per_minute} * kUnitsPerRequest)
    , m_clock(clock) {}

std::int64_t RateLimiter::refilled(const Bucket& bucket, Instant now) const {
    const std::int64_t elapsed_ms = std::max<std::int64_t>(0, (now - bucket.updated).count());
    // Past a minute the bucket is full whatever it held; this also keeps the product in range.
    if (elapsed_ms >= 60000)
        return m_capacity;
    return std::min(m_capacity, bucket.units + elapsed_ms * m_per_minute);
}

RateDecision RateLimiter::take(const std::string& key) {
    const Instant now = m_clock.now();
    if (m_buckets.size() >= kMaxRemembered)
        forget_full_buckets(now);
    auto [it, inserted] = m_buckets.try_emplace(key, Bucket{m_capacity, now});
    Bucket& bucket = it->second;
    if (!inserted) {
        bucket.units = refilled(bucket, now);
        bucket.updated = now;
    }
    if (bucket.units >= kUnitsPerRequest) {
        bucket.units -= kUnitsPerRequest;
        return {};
    }
    const std::int64_t wait_ms = (kUnitsPerRequest - bucket.units + m_per_minute - 1) / m_per_minute;
    return {false, std::chrono::seconds((wait_ms + 999) / 1000)};
}

void RateLimiter::forget_full_buckets(Instant now) {
    std::erase_if(m_buckets, [&](const auto& entry) { return refilled(entry.second, now) >= m_capacity; });
}

} // namespace badgeuse::portal::server
