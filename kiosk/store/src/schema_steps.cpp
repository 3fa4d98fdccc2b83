// The SQL of each schema version. Conventions: days as 'YYYY-MM-DD' text, instants as integer
// milliseconds since the epoch (UTC), UUIDs as their 36-character text, enums as their text keys.
#include "schema_steps.hpp"

#include "badgeuse/store/store.hpp"

#include <array>

namespace badgeuse::store {
namespace {

// Foreign keys are DEFERRABLE INITIALLY DEFERRED: a page pulled from the portal may bring a child
// before its family, and the check at commit is what matters. Attendance events have no foreign keys
// on purpose: they are facts, kept even if the portal later removes the child or the activity.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value NOT NULL
);

CREATE TABLE site (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    town TEXT NOT NULL
);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    opening_days INTEGER NOT NULL,          -- WeekdaySet bits, bit n = C weekday n (0 = Sunday)
    opening_start_minute INTEGER NOT NULL,  -- local time, minutes since midnight
    opening_end_minute INTEGER NOT NULL,    -- exclusive
    reservation TEXT NOT NULL,
    departure TEXT NOT NULL,
    deadline_working_days_before INTEGER NOT NULL,
    deadline_minute INTEGER NOT NULL,
    deadline_working_days INTEGER NOT NULL  -- WeekdaySet bits
);

CREATE TABLE family (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES site (id) DEFERRABLE INITIALLY DEFERRED,
    subscriber_code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE INDEX family_by_site ON family (site_id);

CREATE TABLE guardian (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) DEFERRABLE INITIALLY DEFERRED,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT NOT NULL
);
CREATE INDEX guardian_by_family ON guardian (family_id);

CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) DEFERRABLE INITIALLY DEFERRED,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    class_name TEXT NOT NULL,
    diet TEXT NOT NULL,
    allergy INTEGER NOT NULL CHECK (allergy IN (0, 1)),
    pai INTEGER NOT NULL CHECK (pai IN (0, 1)),
    health_note TEXT NOT NULL
);
CREATE INDEX child_by_family ON child (family_id);

CREATE TABLE authorised_adult (
    child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,  -- the order the portal lists them in
    name TEXT NOT NULL,
    relation TEXT NOT NULL,
    phone TEXT NOT NULL,
    PRIMARY KEY (child_id, position)
) WITHOUT ROWID;

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES site (id) DEFERRABLE INITIALLY DEFERRED,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    role TEXT NOT NULL
);

-- The check-in hot path: one primary-key lookup per tap. holder_id is a child, guardian or staff id
-- according to holder_kind, hence no foreign key.
CREATE TABLE badge (
    uid TEXT PRIMARY KEY NOT NULL,
    holder_kind TEXT NOT NULL,
    holder_id INTEGER NOT NULL,
    state TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX badge_by_holder ON badge (holder_kind, holder_id);

CREATE TABLE reservation (
    child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    day TEXT NOT NULL,
    PRIMARY KEY (child_id, activity_id, day)
) WITHOUT ROWID;
CREATE INDEX reservation_by_day ON reservation (day, activity_id);

CREATE TABLE absence (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    reason TEXT NOT NULL,
    justification TEXT NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX absence_by_child ON absence (child_id, first_day);

CREATE TABLE attendance_event (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    child_id INTEGER NOT NULL,
    activity_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    capture TEXT NOT NULL,
    flag TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    badge_uid TEXT NOT NULL,
    recorded_by INTEGER NOT NULL,  -- a staff id, 0 when the child badged alone
    picked_up_by TEXT NOT NULL,
    voids TEXT                     -- the cancelled event's UUID, NULL unless kind = 'void'
);
-- Both lead with the day: they answer "a child's events on a day" and "a day's events for an activity"
-- with one descent each, and events arriving in time order are appended at their right edge instead of
-- scattered over every child's range (a bulk load of a year runs in a fraction of the time).
CREATE INDEX attendance_by_day_child ON attendance_event (day, child_id);
CREATE INDEX attendance_by_day_activity ON attendance_event (day, activity_id);

-- What waits to be pushed to the portal, oldest first. AUTOINCREMENT so that a sequence number is
-- never reused, even after the newest rows were acknowledged and deleted.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE pull_cursor (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    cursor TEXT NOT NULL
);

CREATE TABLE closed_period (
    id INTEGER PRIMARY KEY,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
)sql";

// Taps of unknown or revoked badges, for staff to look at. Only a new table: a version 1 build can
// still use a version 2 file, hence compatible version 1.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE refused_tap (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX refused_tap_by_time ON refused_tap (at_ms);
)sql";

// Parents' booking intents made at the kiosk (each queued in the outbox, kind 'booking_intent'), and
// the PINs of families and staff with their lockouts. New tables only: compatible version 1 still.
// Intents keep the day and the parent's instant: the portal judges the deadline on that instant.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE booking_intent (
    uuid TEXT PRIMARY KEY NOT NULL,
    family_id INTEGER NOT NULL,
    child_id INTEGER NOT NULL,
    activity_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    action TEXT NOT NULL,          -- 'book' or 'cancel'
    made_at_ms INTEGER NOT NULL,
    state TEXT NOT NULL,           -- 'waiting', 'accepted', 'refused'
    refusal TEXT NOT NULL          -- the portal's reason when refused
);
CREATE INDEX booking_intent_by_family ON booking_intent (family_id, made_at_ms);

CREATE TABLE pin_credential (
    subject TEXT PRIMARY KEY NOT NULL, -- 'family:42', 'staff:3'
    hash TEXT NOT NULL                 -- crypto_pwhash_str (argon2id): salt and cost inside
);

CREATE TABLE pin_lockout (
    subject TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    locked_until_ms INTEGER            -- NULL while not locked
);
)sql";

// What families and staff do at the kiosk besides booking, each queued in the outbox under its own kind:
// absences declared by parents ('absence': the row keeps every field of protocol::AbsenceDeclared, and
// the local absence row it made, so the planning shows it at once), and badges staff gave to a child
// ('badge_assignment', protocol::BadgeAssigned), PIN resets the portal announced (the one-time
// code's argon2id hash, checked offline) and PINs chosen at the kiosk ('pin_changed',
// protocol::PinChanged). New tables only: compatible version 1 still.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE absence_declaration (
    uuid TEXT PRIMARY KEY NOT NULL,
    family_id INTEGER NOT NULL,
    child_id INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    reason TEXT NOT NULL,
    made_at_ms INTEGER NOT NULL,
    absence_id INTEGER NOT NULL     -- the row of the absence table it added on this kiosk
);
CREATE INDEX absence_declaration_by_child ON absence_declaration (child_id, first_day);

CREATE TABLE pin_reset (
    subject TEXT PRIMARY KEY NOT NULL, -- 'family:42', 'staff:3'
    code_hash TEXT NOT NULL,           -- crypto_pwhash_str of the code `portal pin reset` printed
    expires_ms INTEGER NOT NULL
);

CREATE TABLE pin_change (
    uuid TEXT PRIMARY KEY NOT NULL,
    subject TEXT NOT NULL,             -- 'family' or 'staff'
    subject_id INTEGER NOT NULL,
    pin_hash TEXT NOT NULL,
    made_at_ms INTEGER NOT NULL
);

CREATE TABLE badge_assignment (
    uuid TEXT PRIMARY KEY NOT NULL,
    staff_id INTEGER NOT NULL,
    badge_uid TEXT NOT NULL,
    child_id INTEGER NOT NULL,
    made_at_ms INTEGER NOT NULL
);
)sql";

constexpr std::array kSteps = {
    SchemaStep{1, 1, kVersion1},
    SchemaStep{2, 1, kVersion2},
    SchemaStep{3, 1, kVersion3},
    SchemaStep{4, 1, kVersion4},
};

static_assert(kSteps.back().version == kSchemaVersion, "the last schema step must be kSchemaVersion");

} // namespace

std::span<const SchemaStep> schema_steps() {
    return kSteps;
}

} // namespace badgeuse::store
