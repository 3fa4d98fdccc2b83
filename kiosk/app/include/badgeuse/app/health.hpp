// What the kiosk knows of its own parts, for the badge screen's status line and the staff's kiosk-state
// panel: the badge reader (with the taps its rate limit dropped) and the link to the portal. Worker
// threads build these and post them to the UI thread (UiMailbox); KioskApp only stores and shows them.
#pragma once

#include "badgeuse/core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace badgeuse::app {

enum class ReaderLink { None, Connected, Searching, Error };

struct ReaderHealth {
    ReaderLink link = ReaderLink::None;
    std::string reader_id;          // "nfc", "hid", "badge-sim"
    std::string text;               // a msgid of the catalogs (French), for staff: what to do
    std::string detail;             // the driver's own words ("no NFC reader answers at ..."), also logged
    std::uint64_t dropped_taps = 0; // over the rate limit, or while the tap queue was full
};

enum class SyncLink { NotConfigured, Connecting, Online, Offline };

struct SyncHealth {
    SyncLink link = SyncLink::NotConfigured;
    std::string server;                                    // "https://portail.ville.fr:8443"
    std::optional<Instant> offline_since;                  // the first failure of the current outage
    std::optional<Instant> last_sync;                      // the last exchange that succeeded
    std::int64_t events_waiting = 0;                       // outbox rows not yet acknowledged by the portal
    std::string last_error;                                // the last failure, in words (logged in full)
    std::optional<std::chrono::milliseconds> clock_offset; // portal time minus kiosk time
    bool clock_warning = false; // |offset| beyond 2 minutes: staff should fix the clock
};

} // namespace badgeuse::app
