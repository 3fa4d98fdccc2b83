// Badge assignments: read back by UUID for the sync client, written with the badge they give and their
// outbox row by Store::record_badge_assignment (below).
#include "badgeuse/store/badge_assignment_repository.hpp"

#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<BadgeAssignment> read_assignment(const Query& row) {
    BadgeAssignment a;
    a.id = BADGEUSE_TRY(row.uuid(0));
    a.staff = StaffId{row.int64(1)};
    a.badge_uid = row.text(2);
    a.child = ChildId{row.int64(3)};
    a.made_at = row.instant(4);
    return a;
}

} // namespace

Result<std::optional<BadgeAssignment>> BadgeAssignmentRepository::get(const Uuid& id) const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT uuid, staff_id, badge_uid, child_id, made_at_ms FROM badge_assignment WHERE uuid = ?1"));
    query.bind(1, id);
    return read_first(query, "badge_assignment", read_assignment);
}

Result<std::int64_t> BadgeAssignmentRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM badge_assignment");
}

Result<RecordOutcome> Store::record_badge_assignment(const BadgeAssignment& assignment) {
    if (assignment.id.is_nil())
        return make_error(
            "internal error in the kiosk: a badge was given without its UUID; please report it");
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    auto insert = BADGEUSE_TRY(
        m_db->query("INSERT INTO badge_assignment (uuid, staff_id, badge_uid, child_id, made_at_ms) "
                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uuid) DO NOTHING"));
    int inserted = BADGEUSE_TRY(insert.bind(1, assignment.id)
                                    .bind(2, assignment.staff)
                                    .bind(3, assignment.badge_uid)
                                    .bind(4, assignment.child)
                                    .bind(5, assignment.made_at)
                                    .execute());
    if (inserted == 0)
        return RecordOutcome::AlreadyRecorded;
    // The child's next tap with it is a check-in, before the portal has even heard of it.
    BADGEUSE_CHECK(m_badges.upsert(
        Badge{assignment.badge_uid, HolderKind::Child, assignment.child.value, BadgeState::Active}));
    auto outbox = BADGEUSE_TRY(
        m_db->query("INSERT INTO outbox (event_uuid, kind, created_at_ms) "
                    "VALUES (?1, ?2, CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))"));
    BADGEUSE_TRY(outbox.bind(1, assignment.id).bind(2, kBadgeAssignmentOutboxKind).execute());
    BADGEUSE_CHECK(transaction.commit());
    return RecordOutcome::Recorded;
}

} // namespace badgeuse::store
