// Absence declarations: read back by UUID for the sync client, written with their absence row and
// their outbox row by Store::record_absence_declaration (below).
#include "badgeuse/store/absence_declaration_repository.hpp"

#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<AbsenceDeclaration> read_declaration(const Query& row) {
    AbsenceDeclaration d;
    d.id = BADGEUSE_TRY(row.uuid(0));
    d.family = FamilyId{row.int64(1)};
    d.child = ChildId{row.int64(2)};
    d.from = BADGEUSE_TRY(row.date(3));
    d.to = BADGEUSE_TRY(row.date(4));
    d.reason = row.text(5);
    d.made_at = row.instant(6);
    d.local_absence = AbsenceId{row.int64(7)};
    return d;
}

} // namespace

Result<std::optional<AbsenceDeclaration>> AbsenceDeclarationRepository::get(const Uuid& id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uuid, family_id, child_id, first_day, last_day, reason, made_at_ms, "
                                 "absence_id FROM absence_declaration WHERE uuid = ?1"));
    query.bind(1, id);
    return read_first(query, "absence_declaration", read_declaration);
}

Result<std::vector<AbsenceDeclaration>> AbsenceDeclarationRepository::for_child(ChildId child) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uuid, family_id, child_id, first_day, last_day, reason, made_at_ms, "
                                 "absence_id FROM absence_declaration WHERE child_id = ?1 "
                                 "ORDER BY made_at_ms DESC, rowid DESC"));
    query.bind(1, child);
    return read_all(query, "absence_declaration", read_declaration);
}

Result<std::vector<DeclaredAbsence>>
AbsenceDeclarationRepository::recent_for_family(FamilyId family, std::size_t limit) const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT uuid, family_id, child_id, first_day, last_day, reason, made_at_ms, absence_id, "
        "NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.event_uuid = absence_declaration.uuid) "
        "FROM absence_declaration WHERE family_id = ?1 ORDER BY made_at_ms DESC, rowid DESC LIMIT ?2"));
    query.bind(1, family).bind(2, static_cast<std::int64_t>(limit));
    return read_all(query, "absence_declaration", [](const Query& row) -> Result<DeclaredAbsence> {
        return DeclaredAbsence{BADGEUSE_TRY(read_declaration(row)), row.int64(8) != 0};
    });
}

Result<std::int64_t> AbsenceDeclarationRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM absence_declaration");
}

Result<RecordOutcome> Store::record_absence_declaration(const AbsenceDeclaration& declaration) {
    if (declaration.id.is_nil())
        return make_error(
            "internal error in the kiosk: an absence was declared without its UUID; please report it");
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    if (BADGEUSE_TRY(m_absence_declarations.get(declaration.id)))
        return RecordOutcome::AlreadyRecorded;
    // The kiosk's own absences take negative ids: the portal's are positive, so when the portal sends
    // this absence back under its id it cannot overwrite another absence stored here.
    auto lowest = BADGEUSE_TRY(m_db->query_integer("SELECT coalesce(min(id), 0) FROM absence WHERE id < 0"));
    Absence absence{AbsenceId{lowest - 1}, declaration.child,  declaration.from,
                    declaration.to,        declaration.reason, Justification::Unjustified};
    auto local = BADGEUSE_TRY(m_absences.add(absence));
    auto insert = BADGEUSE_TRY(m_db->query(
        "INSERT INTO absence_declaration (uuid, family_id, child_id, first_day, last_day, reason, "
        "made_at_ms, absence_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    BADGEUSE_TRY(insert.bind(1, declaration.id)
                     .bind(2, declaration.family)
                     .bind(3, declaration.child)
                     .bind(4, declaration.from)
                     .bind(5, declaration.to)
                     .bind(6, declaration.reason)
                     .bind(7, declaration.made_at)
                     .bind(8, local)
                     .execute());
    auto outbox = BADGEUSE_TRY(
        m_db->query("INSERT INTO outbox (event_uuid, kind, created_at_ms) "
                    "VALUES (?1, ?2, CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))"));
    BADGEUSE_TRY(outbox.bind(1, declaration.id).bind(2, kAbsenceOutboxKind).execute());
    BADGEUSE_CHECK(transaction.commit());
    return RecordOutcome::Recorded;
}

} // namespace badgeuse::store
