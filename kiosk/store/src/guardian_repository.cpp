// Guardians: id, family, names, phone.
#include "badgeuse/store/guardian_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Guardian> read_guardian(const Query& row) {
    return Guardian{GuardianId{row.int64(0)}, FamilyId{row.int64(1)}, row.text(2), row.text(3), row.text(4)};
}

} // namespace

Result<void> GuardianRepository::upsert(const Guardian& guardian) {
    auto query = BADGEUSE_TRY(m_db->query(
        "INSERT INTO guardian (id, family_id, first_name, last_name, phone) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, "
        "first_name = excluded.first_name, last_name = excluded.last_name, phone = excluded.phone"));
    query.bind(1, guardian.id)
        .bind(2, guardian.family)
        .bind(3, guardian.first_name)
        .bind(4, guardian.last_name)
        .bind(5, guardian.phone);
    BADGEUSE_TRY(query.execute());
    return {};
}

Result<std::optional<Guardian>> GuardianRepository::get(GuardianId id) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT id, family_id, first_name, last_name, phone FROM guardian WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "guardian", read_guardian);
}

Result<std::vector<Guardian>> GuardianRepository::for_family(FamilyId family) const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT id, family_id, first_name, last_name, phone FROM guardian WHERE family_id = ?1 ORDER BY id"));
    query.bind(1, family);
    return read_all(query, "guardian", read_guardian);
}

} // namespace badgeuse::store
