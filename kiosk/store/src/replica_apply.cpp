// Applying a pulled page: every change goes to its repository (or, for deletes the repositories do not
// offer, to its table), and the page's cursor is saved, all in one transaction.
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "database.hpp"

#include <charconv>
#include <string>
#include <type_traits>

namespace badgeuse::store {
namespace {

using protocol::ChangeKind;

std::string pin_subject(protocol::PinSubject subject, std::int64_t id) {
    return (subject == protocol::PinSubject::Family ? "family:" : "staff:") + std::to_string(id);
}

// Families and staff name their site, and the foreign key wants its row. `kiosk --enroll` writes that
// row with the portal's name before any pull; for a file that was never enrolled (the tests', a restored
// copy) a nameless row keeps the key, and the next enrollment's upsert names it. A pull never overwrites.
Result<void> ensure_site(Database& db, SiteId site) {
    auto query = BADGEUSE_TRY(
        db.query("INSERT INTO site (id, name, town) VALUES (?1, '', '') ON CONFLICT (id) DO NOTHING"));
    BADGEUSE_TRY(query.bind(1, site).execute());
    return {};
}

Result<void> delete_by_id(Database& db, Sql sql, std::int64_t id) {
    auto query = BADGEUSE_TRY(db.query(sql));
    BADGEUSE_TRY(query.bind(1, id).execute());
    return {};
}

} // namespace

Result<std::int64_t> StoreReplica::cursor() {
    const std::string text = BADGEUSE_TRY(m_store->pull_cursor());
    if (text.empty())
        return std::int64_t{0};
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0)
        return make_error(m_store->path().string() + " holds a pull cursor '" + text +
                          "' that is not a sequence number; the file was edited or damaged");
    return value;
}

Result<void> StoreReplica::apply_page(const protocol::PullResponse& page) {
    auto transaction = BADGEUSE_TRY(m_store->begin_transaction());
    const std::int64_t stored = BADGEUSE_TRY(cursor());
    for (const protocol::Change& change : page.changes) {
        if (change.seq <= stored)
            continue; // applied with an earlier page
        auto applied = apply_change(change);
        if (!applied)
            return make_error("change " + std::to_string(change.seq) + " (" +
                              std::string(protocol::entity_key(change.data)) +
                              ") cannot be applied: " + applied.error().message);
    }
    if (page.cursor > stored)
        BADGEUSE_CHECK(m_store->set_pull_cursor(std::to_string(page.cursor)));
    return transaction.commit();
}

Result<void> StoreReplica::apply_change(const protocol::Change& change) {
    const bool upsert = change.kind == ChangeKind::Upsert;
    Database& database = db();
    Store& store = *m_store;
    return std::visit(
        [&](const auto& record) -> Result<void> {
            using T = std::decay_t<decltype(record)>;
            if constexpr (std::is_same_v<T, Family>) {
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM family WHERE id = ?1", record.id.value);
                BADGEUSE_CHECK(ensure_site(database, record.site));
                return store.families().upsert(record);
            } else if constexpr (std::is_same_v<T, Guardian>) {
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM guardian WHERE id = ?1", record.id.value);
                return store.guardians().upsert(record);
            } else if constexpr (std::is_same_v<T, Child>) {
                // Deleting a child deletes its authorised adults, reservations and absences (cascade);
                // its attendance stays: facts are kept.
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM child WHERE id = ?1", record.id.value);
                return store.children().upsert(record);
            } else if constexpr (std::is_same_v<T, Badge>) {
                if (!upsert) {
                    auto query = BADGEUSE_TRY(database.query("DELETE FROM badge WHERE uid = ?1"));
                    BADGEUSE_TRY(query.bind(1, std::string_view(record.uid)).execute());
                    return {};
                }
                return store.badges().upsert(record);
            } else if constexpr (std::is_same_v<T, Activity>) {
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM activity WHERE id = ?1", record.id.value);
                return store.activities().upsert(record);
            } else if constexpr (std::is_same_v<T, protocol::ClosedPeriodRecord>) {
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM closed_period WHERE id = ?1", record.id);
                auto query = BADGEUSE_TRY(database.query(
                    "INSERT INTO closed_period (id, first_day, last_day, kind, label) VALUES (?1, ?2, ?3, "
                    "?4, ?5) "
                    "ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day, "
                    "last_day = excluded.last_day, kind = excluded.kind, label = excluded.label"));
                BADGEUSE_TRY(query.bind(1, record.id)
                                 .bind(2, record.period.first)
                                 .bind(3, record.period.last)
                                 .bind(4, closure_kind_key(record.period.kind))
                                 .bind(5, std::string_view(record.period.label))
                                 .execute());
                return {};
            } else if constexpr (std::is_same_v<T, protocol::ReservationRecord>) {
                if (upsert && record.state == protocol::ReservationState::Booked)
                    return store.reservations().add(record.reservation);
                return store.reservations().remove(record.reservation);
            } else if constexpr (std::is_same_v<T, Absence>) {
                if (!upsert)
                    return store.absences().remove(record.id);
                BADGEUSE_TRY(store.absences().add(record));
                return {};
            } else if constexpr (std::is_same_v<T, StaffMember>) {
                if (!upsert)
                    return delete_by_id(database, "DELETE FROM staff WHERE id = ?1", record.id.value);
                BADGEUSE_CHECK(ensure_site(database, record.site));
                return store.staff().upsert(record);
            } else if constexpr (std::is_same_v<T, protocol::PinRecord>) {
                const std::string subject = pin_subject(record.subject, record.id);
                // A pending reset (`portal pin reset`) lets the family choose a PIN here with its code.
                if (upsert && !record.reset_code_hash.empty())
                    BADGEUSE_CHECK(store.pin_changes().set_reset(
                        subject, PinReset{record.reset_code_hash, record.reset_expires}));
                else
                    BADGEUSE_CHECK(store.pin_changes().clear_reset(subject));
                if (!upsert || record.pin_hash.empty()) {
                    auto query =
                        BADGEUSE_TRY(database.query("DELETE FROM pin_credential WHERE subject = ?1"));
                    BADGEUSE_TRY(query.bind(1, std::string_view(subject)).execute());
                    return {};
                }
                return store.pins().set_hash(subject, record.pin_hash);
            } else {
                static_assert(sizeof(T) == 0, "a ChangeData alternative has no place in the store");
            }
        },
        change.data);
}

} // namespace badgeuse::store
