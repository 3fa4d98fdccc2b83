// PresentationFilter: the last time each recently tapped card was seen.
#include "badgeuse/drivers/presentation_filter.hpp"

#include <iterator>

namespace badgeuse::drivers {

bool PresentationFilter::seen(const std::string& uid, MonotonicTime at) {
    forget_before(at);
    auto [it, inserted] = m_last_seen.try_emplace(uid, at);
    if (!inserted && at > it->second)
        it->second = at;
    return inserted;
}

void PresentationFilter::crowded(MonotonicTime at) {
    forget_before(at);
    for (auto& [uid, last] : m_last_seen)
        if (at > last)
            last = at;
}

void PresentationFilter::forget_before(MonotonicTime at) {
    for (auto it = m_last_seen.begin(); it != m_last_seen.end();)
        it = at - it->second >= m_rearm ? m_last_seen.erase(it) : std::next(it);
}

} // namespace badgeuse::drivers
