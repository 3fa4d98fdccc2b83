// Store: the kiosk's SQLite database, created or upgraded by Store::open, with its repositories,
// the outbox of events to push and the pull cursor. One writer thread owns a Store: it does no locking.
#pragma once

#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/store/absence_declaration_repository.hpp"
#include "badgeuse/store/absence_repository.hpp"
#include "badgeuse/store/activity_repository.hpp"
#include "badgeuse/store/attendance_repository.hpp"
#include "badgeuse/store/badge_assignment_repository.hpp"
#include "badgeuse/store/badge_repository.hpp"
#include "badgeuse/store/booking_intent_repository.hpp"
#include "badgeuse/store/child_repository.hpp"
#include "badgeuse/store/closed_period_repository.hpp"
#include "badgeuse/store/family_repository.hpp"
#include "badgeuse/store/guardian_repository.hpp"
#include "badgeuse/store/outbox.hpp"
#include "badgeuse/store/pin_change_repository.hpp"
#include "badgeuse/store/pin_repository.hpp"
#include "badgeuse/store/refused_tap_repository.hpp"
#include "badgeuse/store/reservation_repository.hpp"
#include "badgeuse/store/site_repository.hpp"
#include "badgeuse/store/staff_repository.hpp"
#include "badgeuse/store/transaction.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::store {

// The schema this build creates and upgrades files to.
inline constexpr int kSchemaVersion = 4;

// How much of the file Store::open reads to find damage before trusting it. Quick reads every page
// (PRAGMA quick_check: about a second for a year of a large town); Skip only opens, for benchmarks
// that reopen a file they have just written.
enum class IntegrityCheck { Quick, Skip };

// The connection runs in WAL mode with synchronous=FULL, so a commit returns once it is on disk and a
// verdict shown after record_attendance returns survives a power cut; foreign keys are enforced.
//
// Threads: a Store and everything it hands out are used by one thread at a time, the kiosk's writer
// (DESIGN.md, Threads). Nothing is locked inside; the connection is opened without SQLite's mutexes.
//
// Bulk loading: statements are prepared once and cached, so a loop of upserts costs no parsing; wrap
// the loop in begin_transaction() to commit (and sync the disk) once rather than once per row.
class Store {
public:
    // Opens the file, creating it at kSchemaVersion if it is missing or empty, or upgrading it step by
    // step if it is older. Refuses, without writing anything to it, a file that is not SQLite, is
    // damaged, is SQLite but not Badgeuse, or was written by a newer build that this one cannot use.
    static Result<Store> open(const std::filesystem::path& path,
                              IntegrityCheck check = IntegrityCheck::Quick);

    // Another connection to this Store's file, for another thread (the sync client's). Not Store::open
    // on the same path: its header probe opens and closes the file, and closing any descriptor of a
    // file drops every POSIX lock the process holds on it, the first connection's included, after which
    // another process may checkpoint and delete the WAL under it. SQLite opens the file safely itself.
    Result<Store> open_peer() const;

    Store(Store&& other) noexcept;
    Store& operator=(Store&& other) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    ~Store();

    const std::filesystem::path& path() const;
    // The file's versions: at least kSchemaVersion once opened, more for a newer but compatible file.
    int schema_version() const { return m_schema_version; }
    int compatible_version() const { return m_compatible_version; }

    // A write transaction (BEGIN IMMEDIATE), or a savepoint if one is already open. Repository writes
    // and record_attendance join it, so a page of pulled changes and its cursor commit together.
    Result<Transaction> begin_transaction();

    SiteRepository& sites() { return m_sites; }
    ActivityRepository& activities() { return m_activities; }
    FamilyRepository& families() { return m_families; }
    GuardianRepository& guardians() { return m_guardians; }
    ChildRepository& children() { return m_children; }
    StaffRepository& staff() { return m_staff; }
    BadgeRepository& badges() { return m_badges; }
    ReservationRepository& reservations() { return m_reservations; }
    AbsenceRepository& absences() { return m_absences; }
    AttendanceRepository& attendance() { return m_attendance; }
    ClosedPeriodRepository& closed_periods() { return m_closed_periods; }
    RefusedTapRepository& refused_taps() { return m_refused_taps; }
    BookingIntentRepository& booking_intents() { return m_booking_intents; }
    PinRepository& pins() { return m_pins; }
    AbsenceDeclarationRepository& absence_declarations() { return m_absence_declarations; }
    BadgeAssignmentRepository& badge_assignments() { return m_badge_assignments; }
    PinChangeRepository& pin_changes() { return m_pin_changes; }

    // Writes the event and its outbox row in one transaction; when it returns outside any open
    // Transaction, both are on disk. The UUID names the fact: recording an event whose UUID is already
    // stored writes nothing, not even an outbox row, and returns AlreadyRecorded (the stored event is
    // kept as it was, even if the new one differs), so a retry after a crash or a lost reply is harmless.
    // An event from the portal gets no outbox row: the portal has it already.
    Result<RecordOutcome> record_attendance(const AttendanceEvent& event,
                                            EventOrigin origin = EventOrigin::ThisKiosk);

    // Writes a parent's booking intent, its outbox row (kind kBookingIntentOutboxKind) and its effect on
    // the local reservations in one transaction, so the planning shows it at once; the portal, the
    // source of truth, accepts or refuses it later. A UUID already stored writes nothing.
    Result<RecordOutcome> record_booking_intent(const BookingIntent& intent);

    // Writes a parent's absence declaration, the absence it adds (under a new negative id, which it
    // returns in the stored row's local_absence) and its outbox row (kind kAbsenceOutboxKind) in one
    // transaction, so the planning shows "absent" at once. A UUID already stored writes nothing.
    Result<RecordOutcome> record_absence_declaration(const AbsenceDeclaration& declaration);

    // Writes the assignment, the badge it gives the child (active at once on this kiosk) and its outbox
    // row (kind kBadgeAssignmentOutboxKind) in one transaction. The caller checked core's
    // check_badge_assignment; a UUID already stored writes nothing.
    Result<RecordOutcome> record_badge_assignment(const BadgeAssignment& assignment);

    // Writes the new PIN's hash for its subject, forgets the subject's pending reset and wrong tries,
    // and queues the change (kind kPinChangedOutboxKind), in one transaction. A UUID already stored
    // writes nothing.
    Result<RecordOutcome> record_pin_change(const PinChange& change);

    // Up to `limit` rows, oldest first.
    Result<std::vector<OutboxEntry>> outbox_pending(std::size_t limit);
    // Deletes the rows of those events only (the ones the portal confirmed); unknown UUIDs are ignored.
    // Returns how many rows were deleted.
    Result<std::size_t> outbox_acknowledge(std::span<const Uuid> events);
    Result<std::int64_t> outbox_count();

    // The portal's opaque position in its change feed; empty before the first pull.
    Result<std::string> pull_cursor();
    Result<void> set_pull_cursor(std::string_view cursor);

    // `listener` runs on this Store's thread after each commit that queued an outbox row, whichever
    // record_* wrote it, once the row is on disk: the kiosk wires it to the sync client's notify_event.
    void set_outbox_listener(std::function<void()> listener);

    // Copies the write-ahead log into the database file. The kiosk calls it when idle, so that a
    // rush of check-ins never waits for it (see wal_autocheckpoint in store.cpp).
    Result<void> checkpoint();

    // "ok", or SQLite's description of the damage (PRAGMA integrity_check, first problems only).
    Result<std::string> integrity_check();

private:
    friend class StoreTestAccess;
    friend class StoreReplica; // the sync side (store_replica.hpp) writes pulled pages through m_db
    Store(std::unique_ptr<Database> db, int schema_version, int compatible_version);
    static Result<Store> open_at(const std::filesystem::path& path, IntegrityCheck check, int target_version);

    std::unique_ptr<Database> m_db; // on the heap so that the repositories' pointers survive a move
    int m_schema_version = 0;
    int m_compatible_version = 0;
    SiteRepository m_sites;
    ActivityRepository m_activities;
    FamilyRepository m_families;
    GuardianRepository m_guardians;
    ChildRepository m_children;
    StaffRepository m_staff;
    BadgeRepository m_badges;
    ReservationRepository m_reservations;
    AbsenceRepository m_absences;
    AttendanceRepository m_attendance;
    ClosedPeriodRepository m_closed_periods;
    RefusedTapRepository m_refused_taps;
    BookingIntentRepository m_booking_intents;
    PinRepository m_pins;
    AbsenceDeclarationRepository m_absence_declarations;
    BadgeAssignmentRepository m_badge_assignments;
    PinChangeRepository m_pin_changes;
};

} // namespace badgeuse::store
