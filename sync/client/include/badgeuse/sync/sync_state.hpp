// SyncState: what the sync client tells the kiosk about the link, after every exchange and every change
// of state. The kiosk turns it into the badge screen's status line and the staff's kiosk panel.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/sync/clock_offset.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace badgeuse::sync {

enum class LinkState { Connecting, Online, Offline };

struct SyncState {
    LinkState link = LinkState::Connecting;
    std::string server;                   // "https://portail.ville.fr:8443"
    std::optional<Instant> offline_since; // the first failure of the current outage, by the kiosk's clock
    std::optional<Instant> last_sync;     // the last complete exchange
    std::int64_t events_waiting = 0;
    std::string last_error; // the latest failure, in words; kept after the link comes back
    std::optional<ClockOffset> clock;
};

} // namespace badgeuse::sync
