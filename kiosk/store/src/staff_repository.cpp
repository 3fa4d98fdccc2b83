// Staff members: id, site, names, role.
#include "badgeuse/store/staff_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<StaffMember> read_member(const Query& row) {
    return StaffMember{StaffId{row.int64(0)}, SiteId{row.int64(1)}, row.text(2), row.text(3), row.text(4)};
}

} // namespace

Result<void> StaffRepository::upsert(const StaffMember& member) {
    auto query = BADGEUSE_TRY(m_db->query(
        "INSERT INTO staff (id, site_id, first_name, last_name, role) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, first_name = excluded.first_name, "
        "last_name = excluded.last_name, role = excluded.role"));
    query.bind(1, member.id)
        .bind(2, member.site)
        .bind(3, member.first_name)
        .bind(4, member.last_name)
        .bind(5, member.role);
    BADGEUSE_TRY(query.execute());
    return {};
}

Result<std::optional<StaffMember>> StaffRepository::get(StaffId id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT id, site_id, first_name, last_name, role FROM staff WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "staff", read_member);
}

Result<std::vector<StaffMember>> StaffRepository::list() const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT id, site_id, first_name, last_name, role FROM staff ORDER BY id"));
    return read_all(query, "staff", read_member);
}

} // namespace badgeuse::store
