// The messages the kiosk and the portal exchange: enrollment, pull of changes, push of events, time.
// Plain aggregates over core's domain types; their JSON lives in codec.hpp, the API in openapi.yaml.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/core/school_calendar.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace badgeuse::protocol {

// ---- enrollment -------------------------------------------------------------------------------

// A kiosk trades a one-time code (printed by `portal enroll`) for its token.
struct EnrollRequest {
    std::string code;
    std::string kiosk_name;
};

struct EnrollResponse {
    std::string token; // sent back as "Authorization: Bearer <token>"; the portal keeps only its hash
    SiteId site;
    std::string site_name;
};

// ---- pull ---------------------------------------------------------------------------------------

// The portal numbers every change with a sequence; a kiosk asks for the changes after its cursor.
struct PullRequest {
    std::int64_t after = 0;
    int limit = 500;
    SiteId site; // zero: the token's own site; any other site is refused (403)
};

// A closed period with the portal's id, so that a later change can replace or remove it.
struct ClosedPeriodRecord {
    std::int64_t id = 0;
    ClosedPeriod period;
};

enum class ReservationState { Booked, Cancelled };

// The portal's word on one (child, activity, day): booked or cancelled.
struct ReservationRecord {
    Reservation reservation;
    ReservationState state = ReservationState::Booked;
};

enum class ChangeKind { Upsert, Delete };

// Whose PIN a PinRecord or a PinChanged event is about.
enum class PinSubject { Family, Staff };

// A family's or a staff member's PIN as the kiosks of their site check it offline: argon2id hashes only
// (libsodium's crypto_pwhash_str). A pending reset (`portal pin reset`) lets them choose a new PIN at a
// kiosk with the one-time code until reset_expires.
struct PinRecord {
    PinSubject subject = PinSubject::Family;
    std::int64_t id = 0;         // a FamilyId or a StaffId according to subject
    std::string pin_hash;        // "" while no PIN is set
    std::string reset_code_hash; // "" when no reset is pending
    Instant reset_expires{};     // meaningful only with a reset_code_hash
};

// New alternatives go at the end: the index of each is its entity key's and its table's.
using ChangeData = std::variant<Family, Guardian, Child, Badge, Activity, ClosedPeriodRecord,
                                ReservationRecord, Absence, StaffMember, PinRecord>;

// One change of the portal's data. A Delete carries the record as it was, so its key is known.
struct Change {
    std::int64_t seq = 0; // the server's sequence number; the cursor after this change
    ChangeKind kind = ChangeKind::Upsert;
    ChangeData data;
};

enum class MorePages { No, Yes };

struct PullResponse {
    std::int64_t cursor = 0; // store it with the changes applied, in one transaction
    MorePages more = MorePages::No;
    std::vector<Change> changes;
};

// ---- push ---------------------------------------------------------------------------------------

enum class BookingAction { Book, Cancel };

// A parent booked or cancelled at the kiosk. The portal decides it against the deadline, using
// made_at (the kiosk's clock, corrected by its measured offset).
struct BookingIntent {
    Uuid id;
    ChildId child;
    ActivityId activity;
    Date day;
    BookingAction action = BookingAction::Book;
    Instant made_at;
};

// A parent declared an absence at the kiosk.
struct AbsenceDeclared {
    Uuid id;
    ChildId child;
    Date from;
    Date to;
    std::string reason;
    Instant made_at;
};

enum class CorrectionKind { MarkPresent, MarkAbsent };

// A staff member corrected the roster by hand (a child who was there but never badged, or the reverse).
struct StaffCorrection {
    Uuid id;
    StaffId staff;
    ChildId child;
    ActivityId activity;
    Date day;
    CorrectionKind correction = CorrectionKind::MarkPresent;
    std::string note;
    Instant made_at;
};

// A staff member gave a child a badge at the kiosk (a new card, or one replacing a lost one). The portal
// accepts it when the badge is unassigned or already that child's, and refuses "badge_taken" otherwise.
struct BadgeAssigned {
    Uuid id;
    StaffId staff;
    std::string badge_uid; // upper-case hex, as normalise_uid gives it
    ChildId child;
    Instant made_at;
};

// A family or a staff member chose a new PIN at a kiosk (with the old PIN or a reset code). Only its
// argon2id hash travels; the portal stores it, clears the reset code and sends it to the site's kiosks.
struct PinChanged {
    Uuid id;
    PinSubject subject = PinSubject::Family;
    std::int64_t subject_id = 0; // a FamilyId or a StaffId according to subject
    std::string pin_hash;
    Instant made_at;
};

using Event =
    std::variant<AttendanceEvent, BookingIntent, AbsenceDeclared, StaffCorrection, BadgeAssigned, PinChanged>;

Uuid event_id(const Event& event);

struct PushRequest {
    std::vector<Event> events;
};

enum class Outcome { Accepted, Duplicate, Refused };

// The portal's answer for one event. A duplicate repeats the original outcome and reason, so a kiosk
// that lost the first answer learns the same thing the second time.
struct EventResult {
    Uuid event;
    Outcome outcome = Outcome::Accepted;
    Outcome original = Outcome::Accepted; // for Duplicate only: Accepted or Refused
    std::string reason;                   // a stable key when refused: "too_late", "unknown_child", ...
    std::string message;                  // the same in words, for staff
};

struct PushResponse {
    std::vector<EventResult> results; // in the order of the request's events
};

// ---- time and errors --------------------------------------------------------------------------

struct TimeResponse {
    Instant server_time;
};

// The body of every 4xx/5xx answer.
struct ErrorResponse {
    std::string message;
};

} // namespace badgeuse::protocol
