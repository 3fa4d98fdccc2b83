// The portal's clock for `portal serve`: the wall clock, or (tests only, --clock-start) a clock that
// starts at a given instant and runs on at the machine's pace, so that a test can place the portal
// just before a booking deadline and watch it pass.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"

#include <chrono>
#include <string_view>

namespace badgeuse::portal::server {

class RunningClock final : public Clock {
public:
    explicit RunningClock(Instant start);
    Instant now() const override;

private:
    Instant m_start;
    std::chrono::steady_clock::time_point m_started;
};

// "2026-12-08T09:59:00" (Europe/Paris local time) or with an offset, "2026-12-08T09:59:00+01:00" / "Z".
Result<Instant> parse_clock_start(std::string_view text);

} // namespace badgeuse::portal::server
