// The kiosk's clock against the portal's, from one GET /v1/time: the portal's time is taken to be read
// half-way through the round trip. Staff are warned when the kiosk is more than 2 minutes off.
#pragma once

#include "badgeuse/core/clock.hpp"

#include <chrono>

namespace badgeuse::sync {

inline constexpr std::chrono::minutes kClockWarningBeyond{2};

struct ClockOffset {
    std::chrono::milliseconds offset{0};     // portal time minus kiosk time
    std::chrono::milliseconds round_trip{0}; // the request's duration, the uncertainty of the offset
    bool warning() const { return offset > kClockWarningBeyond || offset < -kClockWarningBeyond; }
};

// `sent` and `received` by the kiosk's clock, around the request that read `server_time`.
ClockOffset measure_offset(Instant sent, Instant server_time, Instant received);

} // namespace badgeuse::sync
