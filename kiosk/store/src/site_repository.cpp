// Sites: id, name, town.
#include "badgeuse/store/site_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Site> read_site(const Query& row) {
    return Site{SiteId{row.int64(0)}, row.text(1), row.text(2)};
}

} // namespace

Result<void> SiteRepository::upsert(const Site& site) {
    auto query = BADGEUSE_TRY(
        m_db->query("INSERT INTO site (id, name, town) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, town = excluded.town"));
    BADGEUSE_TRY(query.bind(1, site.id).bind(2, site.name).bind(3, site.town).execute());
    return {};
}

Result<std::optional<Site>> SiteRepository::get(SiteId id) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT id, name, town FROM site WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "site", read_site);
}

Result<std::vector<Site>> SiteRepository::list() const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT id, name, town FROM site ORDER BY id"));
    return read_all(query, "site", read_site);
}

} // namespace badgeuse::store
