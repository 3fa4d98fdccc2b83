// Attendance events: keys for enums, milliseconds for the instant, NULL for "voids nothing".
#include "badgeuse/store/attendance_repository.hpp"

#include "attendance_rows.hpp"
#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

#define BADGEUSE_EVENT_COLUMNS                                                                               \
    "uuid, child_id, activity_id, day, kind, capture, flag, at_ms, badge_uid, recorded_by, picked_up_by, "   \
    "voids"

Result<AttendanceEvent> read_event(const Query& row) {
    AttendanceEvent event;
    event.id = BADGEUSE_TRY(row.uuid(0));
    event.child = ChildId{row.int64(1)};
    event.activity = ActivityId{row.int64(2)};
    event.day = BADGEUSE_TRY(row.date(3));
    event.kind = BADGEUSE_TRY(parse_event_kind_key(row.text(4)));
    event.capture = BADGEUSE_TRY(parse_capture_key(row.text(5)));
    event.flag = BADGEUSE_TRY(parse_attendance_flag_key(row.text(6)));
    event.at = row.instant(7);
    event.badge_uid = row.text(8);
    event.recorded_by = StaffId{row.int64(9)};
    event.picked_up_by = row.text(10);
    event.voids = BADGEUSE_TRY(row.uuid(11));
    return event;
}

} // namespace

Result<bool> insert_attendance_event(Database& db, const AttendanceEvent& event) {
    auto query = BADGEUSE_TRY(db.query("INSERT INTO attendance_event (" BADGEUSE_EVENT_COLUMNS ") "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                       "ON CONFLICT (uuid) DO NOTHING"));
    query.bind(1, event.id)
        .bind(2, event.child)
        .bind(3, event.activity)
        .bind(4, event.day)
        .bind(5, event_kind_key(event.kind))
        .bind(6, capture_key(event.capture))
        .bind(7, attendance_flag_key(event.flag))
        .bind(8, event.at)
        .bind(9, event.badge_uid)
        .bind(10, event.recorded_by)
        .bind(11, event.picked_up_by)
        .bind(12, event.voids);
    return BADGEUSE_TRY(query.execute()) == 1;
}

Result<std::optional<AttendanceEvent>> AttendanceRepository::get(const Uuid& id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_EVENT_COLUMNS " FROM attendance_event WHERE uuid = ?1"));
    query.bind(1, id);
    return read_first(query, "attendance_event", read_event);
}

Result<std::vector<AttendanceEvent>> AttendanceRepository::for_child_on(ChildId child, Date day) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_EVENT_COLUMNS " FROM attendance_event "
                                          "WHERE child_id = ?1 AND day = ?2 ORDER BY at_ms, uuid"));
    query.bind(1, child).bind(2, day);
    return read_all(query, "attendance_event", read_event);
}

Result<std::vector<AttendanceEvent>> AttendanceRepository::for_day(Date day, ActivityId activity) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_EVENT_COLUMNS " FROM attendance_event "
                                          "WHERE day = ?1 AND activity_id = ?2 ORDER BY at_ms, uuid"));
    query.bind(1, day).bind(2, activity);
    return read_all(query, "attendance_event", read_event);
}

Result<std::int64_t> AttendanceRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM attendance_event");
}

} // namespace badgeuse::store
