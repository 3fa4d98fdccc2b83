// PresentationFilter: turns what a polling reader sees into taps, one per presentation: a card held on
// the reader taps once, and taps again only after it has been away for the re-arm delay.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <chrono>
#include <map>
#include <string>

namespace badgeuse::drivers {

class PresentationFilter {
public:
    explicit PresentationFilter(std::chrono::milliseconds rearm)
        : m_rearm(rearm) {}

    // One card seen alone at `at`. True when this is a new presentation, which taps.
    bool seen(const std::string& uid, MonotonicTime at);
    // Several cards at once: nothing taps, and libnfc names only one of them, so every card that tapped
    // recently is taken to be still there (it must not tap again when the other card leaves).
    void crowded(MonotonicTime at);

    std::chrono::milliseconds rearm() const { return m_rearm; }

private:
    void forget_before(MonotonicTime at);

    std::chrono::milliseconds m_rearm;
    std::map<std::string, MonotonicTime> m_last_seen; // cards that tapped and have not been away long
};

} // namespace badgeuse::drivers
