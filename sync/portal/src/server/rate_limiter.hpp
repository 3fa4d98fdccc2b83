// A token bucket per caller (a kiosk's or the web portal's token, or an address without one): each
// holds up to `per_minute` requests and refills at per_minute / 60 a second, so a kiosk pulling
// every 30 s and pushing after each tap never meets it, and a runaway or a guesser is slowed down.
#pragma once

#include "badgeuse/core/clock.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace badgeuse::portal::server {

struct RateDecision {
    bool allowed = true;
    std::chrono::seconds retry_after{0}; // when refused: whole seconds until one request is allowed
};

class RateLimiter {
public:
    RateLimiter(int per_minute, const Clock& clock);

    // Takes one request from `key`'s bucket, or says how long to wait. Not thread-safe: the portal
    // calls it on its one request thread.
    RateDecision take(const std::string& key);

private:
    // In units of 1/60000 request, so that a request costs 60000 and a millisecond refills
    // `per_minute`: exact integer arithmetic, no drift.
    struct Bucket {
        std::int64_t units = 0;
        Instant updated;
    };
    std::int64_t refilled(const Bucket& bucket, Instant now) const;
    void forget_full_buckets(Instant now);

    std::int64_t m_per_minute;
    std::int64_t m_capacity;
    const Clock& m_clock;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace badgeuse::portal::server
