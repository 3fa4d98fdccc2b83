// The portal's decisions on pushed events: booking intents against the same deadline rule as the kiosk
// (core's booking_window) and "the latest intent wins"; badges given and PINs changed at a kiosk.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/uuid.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <chrono>
#include <optional>
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

// A badge given to a child at a kiosk: accepted when the portal knows no such badge (`current` empty)
// or the badge is already that child's (even revoked: it is handed back); refused "badge_taken" when
// it belongs to anyone else, so that one card never opens two children's records.
Decision decide_badge_assignment(const protocol::BadgeAssigned& event, const std::optional<Badge>& current);
// The badge record an accepted assignment writes: the child's, active.
Badge badge_after_assignment(const protocol::BadgeAssigned& event);

// The PIN record a PIN change writes: the new hash, and no reset pending any more.
protocol::PinRecord pin_after_change(const protocol::PinChanged& event);

// How long a code printed by `portal pin reset` lets its holder choose a new PIN at a kiosk.
inline constexpr std::chrono::hours kPinResetLifetime{72};

// Whether a PIN change still applies over the subject's record: not when a reset was printed after the
// change was made (a kiosk offline for a while delivering it late), since a reset means the old PIN
// was forgotten or given away. The change is accepted all the same, and changes nothing.
bool pin_change_applies(const protocol::PinChanged& event, const std::optional<protocol::PinRecord>& current);

} // namespace badgeuse::portal
