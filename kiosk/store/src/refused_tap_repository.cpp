// Refused taps: appended, read newest first through the index on their instant.
#include "badgeuse/store/refused_tap_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<RefusedTap> read_tap(const Query& row) {
    return RefusedTap{row.text(0), row.instant(1), row.text(2)};
}

} // namespace

Result<void> RefusedTapRepository::record(const RefusedTap& tap) {
    auto query =
        BADGEUSE_TRY(m_db->query("INSERT INTO refused_tap (uid, at_ms, reason) VALUES (?1, ?2, ?3)"));
    BADGEUSE_TRY(query.bind(1, tap.uid).bind(2, tap.at).bind(3, tap.reason).execute());
    return {};
}

Result<std::vector<RefusedTap>> RefusedTapRepository::recent(std::size_t limit) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT uid, at_ms, reason FROM refused_tap ORDER BY at_ms DESC, id DESC LIMIT ?1"));
    query.bind(1, static_cast<std::int64_t>(limit));
    return read_all(query, "refused_tap", read_tap);
}

Result<std::int64_t> RefusedTapRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM refused_tap");
}

} // namespace badgeuse::store
