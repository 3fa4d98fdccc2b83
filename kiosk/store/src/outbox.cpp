// The sync side of the store: recording an event with its outbox row, the outbox, the pull cursor.
#include "attendance_rows.hpp"
#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "rows.hpp"

#include <limits>

namespace badgeuse::store {
namespace {

Result<OutboxEntry> read_entry(const Query& row) {
    OutboxEntry entry;
    entry.seq = row.int64(0);
    entry.event = BADGEUSE_TRY(row.uuid(1));
    entry.kind = row.text(2);
    entry.created_at = row.instant(3);
    return entry;
}

std::int64_t as_limit(std::size_t limit) {
    constexpr auto kMost = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(limit < kMost ? limit : kMost);
}

} // namespace

Result<RecordOutcome> Store::record_attendance(const AttendanceEvent& event, EventOrigin origin) {
    if (event.id.is_nil())
        return make_error("internal error in the kiosk: an attendance event was recorded without its UUID; "
                          "please report it");
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    if (!BADGEUSE_TRY(insert_attendance_event(*m_db, event)))
        return RecordOutcome::AlreadyRecorded; // nothing written: rolling back the empty transaction is free
    if (origin == EventOrigin::ThisKiosk) {
        // Stamped by SQLite's clock, not with the event's instant: staff want to see how long a row has
        // waited to be pushed, and a manual entry may be typed in well after the arrival it records.
        auto query = BADGEUSE_TRY(m_db->query(
            "INSERT INTO outbox (event_uuid, kind, created_at_ms) "
            "VALUES (?1, ?2, CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))"));
        BADGEUSE_TRY(query.bind(1, event.id).bind(2, kAttendanceOutboxKind).execute());
    }
    BADGEUSE_CHECK(transaction.commit());
    return RecordOutcome::Recorded;
}

Result<std::vector<OutboxEntry>> Store::outbox_pending(std::size_t limit) {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT seq, event_uuid, kind, created_at_ms FROM outbox ORDER BY seq LIMIT ?1"));
    query.bind(1, as_limit(limit));
    return read_all(query, "outbox", read_entry);
}

Result<std::size_t> Store::outbox_acknowledge(std::span<const Uuid> events) {
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    std::size_t deleted = 0;
    for (const Uuid& event : events) {
        auto query = BADGEUSE_TRY(m_db->query("DELETE FROM outbox WHERE event_uuid = ?1"));
        deleted += static_cast<std::size_t>(BADGEUSE_TRY(query.bind(1, event).execute()));
    }
    BADGEUSE_CHECK(transaction.commit());
    return deleted;
}

Result<std::int64_t> Store::outbox_count() {
    return m_db->query_integer("SELECT count(*) FROM outbox");
}

Result<std::string> Store::pull_cursor() {
    auto query = BADGEUSE_TRY(m_db->query("SELECT cursor FROM pull_cursor WHERE singleton = 1"));
    if (!BADGEUSE_TRY(query.next()))
        return std::string{};
    return query.text(0);
}

Result<void> Store::set_pull_cursor(std::string_view cursor) {
    auto query = BADGEUSE_TRY(m_db->query("INSERT INTO pull_cursor (singleton, cursor) VALUES (1, ?1) "
                                          "ON CONFLICT (singleton) DO UPDATE SET cursor = excluded.cursor"));
    BADGEUSE_TRY(query.bind(1, cursor).execute());
    return {};
}

} // namespace badgeuse::store
