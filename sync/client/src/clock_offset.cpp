// Offset arithmetic (Cristian's method): the server's reading is placed at the round trip's midpoint.
#include "badgeuse/sync/clock_offset.hpp"

namespace badgeuse::sync {

ClockOffset measure_offset(Instant sent, Instant server_time, Instant received) {
    ClockOffset measured;
    // A clock stepped back during the request gives a negative duration: treat it as instant.
    measured.round_trip = received >= sent ? received - sent : std::chrono::milliseconds{0};
    const Instant midpoint = sent + measured.round_trip / 2;
    measured.offset = server_time - midpoint;
    return measured;
}

} // namespace badgeuse::sync
