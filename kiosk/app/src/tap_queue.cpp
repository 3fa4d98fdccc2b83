// TapQueue: a mutex-guarded deque; the wake callback runs outside the lock so it may take its own.
#include "badgeuse/app/tap_queue.hpp"

namespace badgeuse::app {

TapQueue::TapQueue(std::size_t capacity, std::function<void()> wake)
    : m_capacity(capacity)
    , m_wake(std::move(wake)) {}

void TapQueue::set_wake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

bool TapQueue::push(BadgeTap tap) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        if (m_taps.size() >= m_capacity) {
            ++m_dropped;
            return false;
        }
        m_taps.push_back(std::move(tap));
        wake = m_wake;
    }
    if (wake)
        wake();
    return true;
}

std::vector<BadgeTap> TapQueue::drain() {
    std::lock_guard lock(m_mutex);
    std::vector<BadgeTap> taps(std::make_move_iterator(m_taps.begin()),
                               std::make_move_iterator(m_taps.end()));
    m_taps.clear();
    return taps;
}

std::size_t TapQueue::size() const {
    std::lock_guard lock(m_mutex);
    return m_taps.size();
}

std::uint64_t TapQueue::dropped() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace badgeuse::app
