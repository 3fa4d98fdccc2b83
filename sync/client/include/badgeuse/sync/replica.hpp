// Replica: what the kiosk's sync client needs from the kiosk's database, and nothing more.
// kiosk/store implements it. The client calls it from one thread at a time: its own, or, during a long
// pull, the thread applying one batch while its own fetches the next (page_applier.hpp).
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace badgeuse::sync {

class Replica {
public:
    virtual ~Replica() = default;

    // Up to `limit` events waiting for the portal, oldest first, as they go on the wire.
    virtual Result<std::vector<protocol::Event>> events_waiting(std::size_t limit) = 0;
    // How many events wait (the X-Badgeuse-Outbox header and the staff screen).
    virtual Result<std::int64_t> events_waiting_count() = 0;
    // The portal's answer to a push: every event it settled (accepted, duplicate, refused) leaves the
    // outbox; a booking intent keeps the portal's word (accepted, or refused and why) for the parents.
    // Returns how many events left the outbox.
    virtual Result<std::size_t> acknowledge(std::span<const protocol::EventResult> results) = 0;

    // The position in the portal's change feed: 0 before the first pull.
    virtual Result<std::int64_t> cursor() = 0;
    // Applies every change of the page and saves its cursor, in one transaction: after a crash the
    // database holds either the whole page and its cursor, or neither. Changes at or before the stored
    // cursor are skipped, so a page applied twice changes nothing.
    virtual Result<void> apply_page(const protocol::PullResponse& page) = 0;
};

} // namespace badgeuse::sync
