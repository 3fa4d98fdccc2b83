// The portal's decision on a pushed booking intent: the same deadline rule as the kiosk (core's
// booking_window), and "the latest intent wins" for one child, activity and day.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/uuid.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <string>

namespace badgeuse::portal {

struct Decision {
    protocol::Outcome outcome = protocol::Outcome::Accepted; // Accepted or Refused
    std::string reason;                                      // a stable key when refused
    std::string message;                                     // the same for staff, in French
};

// made_at is the parent's moment at the kiosk, already corrected by the kiosk's measured clock offset.
Decision decide_booking(const protocol::BookingIntent& intent, const Activity& activity,
                        const Calendar& calendar);

// Whether an intent made at `made_at` with id `id` replaces the one already applied: the later wins,
// and of two made at the same instant the greater event id, so that every order of delivery ends the same.
bool supersedes(Instant made_at, const Uuid& id, Instant applied_made_at, const Uuid& applied_id);

} // namespace badgeuse::portal
