// Full jitter: delay = uniform(0, min(most, first × 2^n)).
#include "badgeuse/sync/backoff.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace badgeuse::sync {

Backoff::Backoff(BackoffSettings settings, std::function<double()> uniform)
    : m_settings(settings)
    , m_uniform(std::move(uniform)) {}

std::chrono::milliseconds Backoff::current_cap() const {
    // Doubling stops once the cap is reached, so that a week of outage cannot overflow the shift.
    std::chrono::milliseconds cap = m_settings.first;
    for (int i = 0; i < m_failures && cap < m_settings.most; ++i)
        cap *= 2;
    return std::min(cap, m_settings.most);
}

std::chrono::milliseconds Backoff::next_delay() {
    const std::chrono::milliseconds cap = current_cap();
    ++m_failures;
    const double u = std::clamp(m_uniform(), 0.0, 1.0);
    const auto drawn =
        static_cast<std::chrono::milliseconds::rep>(std::floor(u * static_cast<double>(cap.count())));
    return std::min(std::chrono::milliseconds{drawn}, cap);
}

} // namespace badgeuse::sync
