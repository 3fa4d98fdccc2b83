// Badges: the UID is the key (a WITHOUT ROWID table, so a lookup is one b-tree descent).
#include "badgeuse/store/badge_repository.hpp"

#include "database.hpp"
#include "enum_keys.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Badge> read_badge(const Query& row) {
    Badge badge;
    badge.uid = row.text(0);
    badge.holder_kind = BADGEUSE_TRY(parse_holder_kind_key(row.text(1)));
    badge.holder_id = row.int64(2);
    badge.state = BADGEUSE_TRY(kBadgeStates.parse(row.text(3)));
    return badge;
}

} // namespace

Result<void> BadgeRepository::upsert(const Badge& badge) {
    auto query = BADGEUSE_TRY(
        m_db->query("INSERT INTO badge (uid, holder_kind, holder_id, state) VALUES (?1, ?2, ?3, ?4) "
                    "ON CONFLICT (uid) DO UPDATE SET holder_kind = excluded.holder_kind, "
                    "holder_id = excluded.holder_id, state = excluded.state"));
    query.bind(1, badge.uid)
        .bind(2, holder_kind_key(badge.holder_kind))
        .bind(3, badge.holder_id)
        .bind(4, kBadgeStates.key(badge.state));
    BADGEUSE_TRY(query.execute());
    return {};
}

Result<std::optional<Badge>> BadgeRepository::find(std::string_view uid) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uid, holder_kind, holder_id, state FROM badge WHERE uid = ?1"));
    query.bind(1, uid);
    return read_first(query, "badge", read_badge);
}

Result<std::vector<Badge>> BadgeRepository::for_holder(HolderKind kind, std::int64_t holder_id) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT uid, holder_kind, holder_id, state FROM badge "
                                          "WHERE holder_kind = ?1 AND holder_id = ?2 ORDER BY uid"));
    query.bind(1, holder_kind_key(kind)).bind(2, holder_id);
    return read_all(query, "badge", read_badge);
}

Result<std::vector<Badge>> BadgeRepository::list() const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uid, holder_kind, holder_id, state FROM badge ORDER BY uid"));
    return read_all(query, "badge", read_badge);
}

} // namespace badgeuse::store
