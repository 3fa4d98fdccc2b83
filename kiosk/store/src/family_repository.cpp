// Families: id, site, subscriber code (unique), name.
#include "badgeuse/store/family_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Family> read_family(const Query& row) {
    return Family{FamilyId{row.int64(0)}, SiteId{row.int64(1)}, row.text(2), row.text(3)};
}

} // namespace

Result<void> FamilyRepository::upsert(const Family& family) {
    auto query = BADGEUSE_TRY(
        m_db->query("INSERT INTO family (id, site_id, subscriber_code, name) VALUES (?1, ?2, ?3, ?4) "
                    "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, "
                    "subscriber_code = excluded.subscriber_code, name = excluded.name"));
    BADGEUSE_TRY(query.bind(1, family.id)
                     .bind(2, family.site)
                     .bind(3, family.subscriber_code)
                     .bind(4, family.name)
                     .execute());
    return {};
}

Result<std::optional<Family>> FamilyRepository::get(FamilyId id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT id, site_id, subscriber_code, name FROM family WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "family", read_family);
}

Result<std::optional<Family>> FamilyRepository::find_by_subscriber_code(std::string_view code) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT id, site_id, subscriber_code, name FROM family WHERE subscriber_code = ?1"));
    query.bind(1, code);
    return read_first(query, "family", read_family);
}

Result<std::vector<Family>> FamilyRepository::list() const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT id, site_id, subscriber_code, name FROM family ORDER BY id"));
    return read_all(query, "family", read_family);
}

} // namespace badgeuse::store
