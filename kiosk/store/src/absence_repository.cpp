// Absences: (child, first day) is indexed, so covering() reads only that child's earlier absences.
#include "badgeuse/store/absence_repository.hpp"

#include "database.hpp"
#include "enum_keys.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Absence> read_absence(const Query& row) {
    Absence absence;
    absence.id = AbsenceId{row.int64(0)};
    absence.child = ChildId{row.int64(1)};
    absence.from = BADGEUSE_TRY(row.date(2));
    absence.to = BADGEUSE_TRY(row.date(3));
    absence.reason = row.text(4);
    absence.justification = BADGEUSE_TRY(kJustifications.parse(row.text(5)));
    return absence;
}

} // namespace

Result<AbsenceId> AbsenceRepository::add(const Absence& absence) {
    // A NULL id lets SQLite choose one; RETURNING gives back whichever id the row has.
    auto query = BADGEUSE_TRY(m_db->query(
        "INSERT INTO absence (id, child_id, first_day, last_day, reason, justification) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, first_day = excluded.first_day, "
        "last_day = excluded.last_day, reason = excluded.reason, justification = excluded.justification "
        "RETURNING id"));
    if (absence.id)
        query.bind(1, absence.id);
    query.bind(2, absence.child)
        .bind(3, absence.from)
        .bind(4, absence.to)
        .bind(5, absence.reason)
        .bind(6, kJustifications.key(absence.justification));
    BADGEUSE_TRY(query.next());
    AbsenceId id{query.int64(0)};
    // Run to the end: outside a transaction, that is where the statement commits and where a deferred
    // foreign key failure (an unknown child) is reported.
    BADGEUSE_TRY(query.execute());
    return id;
}

Result<void> AbsenceRepository::remove(AbsenceId id) {
    auto query = BADGEUSE_TRY(m_db->query("DELETE FROM absence WHERE id = ?1"));
    BADGEUSE_TRY(query.bind(1, id).execute());
    return {};
}

Result<std::optional<Absence>> AbsenceRepository::get(AbsenceId id) const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT id, child_id, first_day, last_day, reason, justification FROM absence WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "absence", read_absence);
}

Result<std::vector<Absence>> AbsenceRepository::covering(ChildId child, Date day) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT id, child_id, first_day, last_day, reason, justification FROM absence "
                    "WHERE child_id = ?1 AND first_day <= ?2 AND last_day >= ?2 ORDER BY first_day, id"));
    query.bind(1, child).bind(2, day);
    return read_all(query, "absence", read_absence);
}

Result<std::vector<Absence>> AbsenceRepository::for_child(ChildId child) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT id, child_id, first_day, last_day, reason, justification "
                                          "FROM absence WHERE child_id = ?1 ORDER BY first_day, id"));
    query.bind(1, child);
    return read_all(query, "absence", read_absence);
}

} // namespace badgeuse::store
