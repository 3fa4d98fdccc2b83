// The times an event carries, moved onto the portal's clock before it is pushed. The portal decides
// a booking against the deadline by its made_at, so a kiosk whose clock runs ten minutes slow must not
// get a booking made at 10:05 accepted as made at 09:55 (DESIGN.md: made_at is corrected by the measured
// offset). The kiosk keeps its own record as it was made; only what travels is corrected.
#pragma once

#include "badgeuse/protocol/messages.hpp"

#include <chrono>

namespace badgeuse::sync {

// `offset` is portal time minus kiosk time (ClockOffset::offset). The local day of an attendance event is
// left as recorded: it names the service the child came to, whatever the clock said.
protocol::Event on_portal_clock(protocol::Event event, std::chrono::milliseconds offset);

} // namespace badgeuse::sync
