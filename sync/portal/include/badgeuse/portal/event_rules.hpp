// The portal's decisions on pushed events: booking intents against the same deadline rule as the kiosk
// (core's booking_window) and "the latest intent wins"; badges given and PINs changed at a kiosk.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// The latest booking intent or PIN change applied for its key (child, activity, day; or PIN subject).
struct AppliedChange {
    Instant made_at;
    Uuid id;
};

// What deciding a pushed event needs from a store, inside its ingest transaction: each store answers
// in its own SQL, and the rules below are the same for both.
class DecisionStore {
public:
    virtual Result<bool> child_exists(SiteId site, ChildId child) = 0;
    virtual Result<bool> pin_subject_exists(SiteId site, protocol::PinSubject subject, std::int64_t id) = 0;
    virtual Result<std::optional<Activity>> find_activity(SiteId site, ActivityId activity) = 0;
    virtual Result<std::optional<Badge>> find_badge(std::string_view uid) = 0; // on any site
    virtual Result<std::optional<protocol::PinRecord>> find_pin_record(protocol::PinSubject subject,
                                                                       std::int64_t id) = 0;
    virtual Result<std::optional<AppliedChange>> applied_intent(const protocol::BookingIntent& intent) = 0;
    virtual Result<void> save_applied_intent(const protocol::BookingIntent& intent) = 0;
    virtual Result<std::optional<AppliedChange>> applied_pin_change(const protocol::PinChanged& change) = 0;
    virtual Result<void> save_applied_pin_change(const protocol::PinChanged& change) = 0;
    virtual Result<protocol::ReservationState> reservation_state(ChildId child, ActivityId activity,
                                                                 Date day) = 0;
    // Upserts the record and logs the change, in the ingest's server transaction.
    virtual Result<void> write(SiteId site, protocol::ChangeData record) = 0;

protected:
    ~DecisionStore() = default;
};

// One pushed event decided, and what it changes written: attendance is always accepted (a fact);
// corrections and absences need a child of the site; badge assignments and PIN changes as above; a
// booking intent is decided against the deadline, then applied if it is the latest for its key.
Result<Decision> decide_event(DecisionStore& store, SiteId site, const protocol::Event& event,
                              const Calendar& calendar);

} // namespace badgeuse::portal
