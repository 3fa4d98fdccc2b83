// Backoff: how long the sync client waits before trying an unreachable portal again. Exponential with
// full jitter (a random wait between zero and the cap of the attempt), so that a town's kiosks that lost
// the portal together do not all come back at the same instant.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace badgeuse::sync {

struct BackoffSettings {
    std::chrono::milliseconds first{1000};  // the cap of the first retry
    std::chrono::milliseconds most{300000}; // no wait is ever longer (5 minutes)
};

class Backoff {
public:
    // `uniform` returns a number in [0, 1); injected so that tests know the schedule.
    Backoff(BackoffSettings settings, std::function<double()> uniform);

    // The wait before the next attempt, after one more failure in a row.
    std::chrono::milliseconds next_delay();
    // The cap the next failure would draw under: first × 2^failures, at most `most`.
    std::chrono::milliseconds current_cap() const;
    // A success: the next failure starts again from `first`.
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    BackoffSettings m_settings;
    std::function<double()> m_uniform;
    int m_failures = 0;
};

} // namespace badgeuse::sync
