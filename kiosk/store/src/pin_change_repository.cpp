// PIN resets and changes: the reset codes' hashes by subject, and Store::record_pin_change (below),
// which stores the new hash, forgets the reset and the wrong tries, and queues the change.
#include "badgeuse/store/pin_change_repository.hpp"

#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<PinReset> read_reset(const Query& row) {
    return PinReset{row.text(0), row.instant(1)};
}

Result<PinChange> read_change(const Query& row) {
    PinChange change;
    change.id = BADGEUSE_TRY(row.uuid(0));
    change.subject = row.text(1);
    change.subject_id = row.int64(2);
    change.pin_hash = row.text(3);
    change.made_at = row.instant(4);
    return change;
}

} // namespace

Result<void> PinChangeRepository::set_reset(std::string_view subject, const PinReset& reset) {
    auto query =
        BADGEUSE_TRY(m_db->query("INSERT INTO pin_reset (subject, code_hash, expires_ms) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (subject) DO UPDATE SET code_hash = excluded.code_hash, "
                                 "expires_ms = excluded.expires_ms"));
    BADGEUSE_TRY(query.bind(1, subject).bind(2, reset.code_hash).bind(3, reset.expires).execute());
    return {};
}

Result<void> PinChangeRepository::clear_reset(std::string_view subject) {
    auto query = BADGEUSE_TRY(m_db->query("DELETE FROM pin_reset WHERE subject = ?1"));
    BADGEUSE_TRY(query.bind(1, subject).execute());
    return {};
}

Result<std::optional<PinReset>> PinChangeRepository::reset(std::string_view subject) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT code_hash, expires_ms FROM pin_reset WHERE subject = ?1"));
    query.bind(1, subject);
    return read_first(query, "pin_reset", read_reset);
}

Result<std::optional<PinChange>> PinChangeRepository::get(const Uuid& id) const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT uuid, subject, subject_id, pin_hash, made_at_ms FROM pin_change WHERE uuid = ?1"));
    query.bind(1, id);
    return read_first(query, "pin_change", read_change);
}

Result<RecordOutcome> Store::record_pin_change(const PinChange& change) {
    if (change.id.is_nil())
        return make_error(
            "internal error in the kiosk: a PIN was changed without its UUID; please report it");
    if (change.subject != "family" && change.subject != "staff")
        return make_error("internal error in the kiosk: a PIN change names subject '" + change.subject +
                          "' (expected family or staff); please report it");
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    auto insert =
        BADGEUSE_TRY(m_db->query("INSERT INTO pin_change (uuid, subject, subject_id, pin_hash, made_at_ms) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uuid) DO NOTHING"));
    int inserted = BADGEUSE_TRY(insert.bind(1, change.id)
                                    .bind(2, change.subject)
                                    .bind(3, change.subject_id)
                                    .bind(4, change.pin_hash)
                                    .bind(5, change.made_at)
                                    .execute());
    if (inserted == 0)
        return RecordOutcome::AlreadyRecorded;
    std::string subject = change.subject + ":" + std::to_string(change.subject_id);
    BADGEUSE_CHECK(m_pins.set_hash(subject, change.pin_hash));
    BADGEUSE_CHECK(m_pin_changes.clear_reset(subject)); // the code is used up
    BADGEUSE_CHECK(m_pins.set_lockout(subject, PinLockoutRow{}));
    auto outbox = BADGEUSE_TRY(
        m_db->query("INSERT INTO outbox (event_uuid, kind, created_at_ms) "
                    "VALUES (?1, ?2, CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))"));
    BADGEUSE_TRY(outbox.bind(1, change.id).bind(2, kPinChangedOutboxKind).execute());
    BADGEUSE_CHECK(transaction.commit());
    return RecordOutcome::Recorded;
}

} // namespace badgeuse::store
