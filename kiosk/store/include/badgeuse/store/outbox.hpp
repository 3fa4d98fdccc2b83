// The outbox's vocabulary: what waits to be pushed to the portal, and what Store::record_attendance did.
// The outbox itself is read and acknowledged through Store (outbox_pending, outbox_acknowledge).
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace badgeuse::store {

// The kind of an outbox row for an attendance event; later kinds (booking intents) get their own.
inline constexpr std::string_view kAttendanceOutboxKind = "attendance";
// A parent's booking or cancellation made at the kiosk (the row's event UUID is the intent's).
inline constexpr std::string_view kBookingIntentOutboxKind = "booking_intent";
// A parent's absence declared at the kiosk (AbsenceDeclarationRepository::get reads it by the UUID).
inline constexpr std::string_view kAbsenceOutboxKind = "absence";
// A badge staff gave to a child at the kiosk (BadgeAssignmentRepository::get reads it by the UUID).
inline constexpr std::string_view kBadgeAssignmentOutboxKind = "badge_assignment";
// A PIN a family or staff member chose at the kiosk (PinChangeRepository::get reads it by the UUID).
inline constexpr std::string_view kPinChangedOutboxKind = "pin_changed";

struct OutboxEntry {
    std::int64_t seq = 0; // increasing, never reused: the push order
    Uuid event;
    std::string kind;
    Instant created_at; // when the kiosk queued it, by the system clock: for showing how long it waited
};

// Where an event was made. The kiosk's own events are queued for the portal; events the portal sent
// (pulled history, another kiosk's events, a staff correction) are stored without an outbox row.
enum class EventOrigin { ThisKiosk, Portal };

enum class RecordOutcome {
    Recorded,        // the event (and, for this kiosk's events, its outbox row) was written
    AlreadyRecorded, // an event with that UUID existed: nothing was written
};

} // namespace badgeuse::store
