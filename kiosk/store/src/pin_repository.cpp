// PIN hashes and lockouts. A lockout's "not locked" is stored as NULL; the epoch (0 ms) stands for it
// in the bind and the read, as no real lockout ends in 1970.
#include "badgeuse/store/pin_repository.hpp"

#include "database.hpp"

namespace badgeuse::store {

Result<void> PinRepository::set_hash(std::string_view subject, std::string_view hash) {
    auto query = BADGEUSE_TRY(m_db->query("INSERT INTO pin_credential (subject, hash) VALUES (?1, ?2) "
                                          "ON CONFLICT (subject) DO UPDATE SET hash = excluded.hash"));
    BADGEUSE_TRY(query.bind(1, subject).bind(2, hash).execute());
    return {};
}

Result<std::optional<std::string>> PinRepository::hash(std::string_view subject) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT hash FROM pin_credential WHERE subject = ?1"));
    query.bind(1, subject);
    if (!BADGEUSE_TRY(query.next()))
        return std::optional<std::string>{};
    return std::optional<std::string>{query.text(0)};
}

Result<PinLockoutRow> PinRepository::lockout(std::string_view subject) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT failures, coalesce(locked_until_ms, 0) FROM pin_lockout WHERE subject = ?1"));
    query.bind(1, subject);
    PinLockoutRow row;
    if (!BADGEUSE_TRY(query.next()))
        return row;
    row.failures = static_cast<int>(query.int64(0));
    if (query.int64(1) != 0)
        row.locked_until = query.instant(1);
    return row;
}

Result<void> PinRepository::set_lockout(std::string_view subject, const PinLockoutRow& row) {
    auto query = BADGEUSE_TRY(m_db->query(
        "INSERT INTO pin_lockout (subject, failures, locked_until_ms) VALUES (?1, ?2, NULLIF(?3, 0)) "
        "ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, locked_until_ms = "
        "excluded.locked_until_ms"));
    BADGEUSE_TRY(query.bind(1, subject)
                     .bind(2, static_cast<std::int64_t>(row.failures))
                     .bind(3, row.locked_until.value_or(Instant{}))
                     .execute());
    return {};
}

} // namespace badgeuse::store
