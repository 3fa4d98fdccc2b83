// Activities: opening hours and deadline times as minutes since midnight, weekday sets as their bits.
#include "badgeuse/store/activity_repository.hpp"

#include "database.hpp"
#include "enum_keys.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

#define BADGEUSE_ACTIVITY_COLUMNS                                                                            \
    "id, code, name, kind, opening_days, opening_start_minute, opening_end_minute, reservation, departure, " \
    "deadline_working_days_before, deadline_minute, deadline_working_days"

WeekdaySet weekdays(std::int64_t bits) {
    return WeekdaySet::from_bits(static_cast<std::uint8_t>(bits));
}
TimeOfDay minutes(std::int64_t value) {
    return TimeOfDay{static_cast<int>(value)};
}

Result<Activity> read_activity(const Query& row) {
    Activity activity;
    activity.id = ActivityId{row.int64(0)};
    activity.code = row.text(1);
    activity.name = row.text(2);
    activity.kind = BADGEUSE_TRY(kActivityKinds.parse(row.text(3)));
    activity.opening = {weekdays(row.int64(4)), minutes(row.int64(5)), minutes(row.int64(6))};
    activity.reservation = BADGEUSE_TRY(kReservationPolicies.parse(row.text(7)));
    activity.departure = BADGEUSE_TRY(kDepartureRecordings.parse(row.text(8)));
    activity.deadline = {static_cast<int>(row.int64(9)), minutes(row.int64(10)), weekdays(row.int64(11))};
    return activity;
}

} // namespace

Result<void> ActivityRepository::upsert(const Activity& activity) {
    auto query = BADGEUSE_TRY(m_db->query(
        "INSERT INTO activity (" BADGEUSE_ACTIVITY_COLUMNS ") "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, kind = excluded.kind, "
        "opening_days = excluded.opening_days, opening_start_minute = excluded.opening_start_minute, "
        "opening_end_minute = excluded.opening_end_minute, reservation = excluded.reservation, "
        "departure = excluded.departure, deadline_working_days_before = "
        "excluded.deadline_working_days_before, "
        "deadline_minute = excluded.deadline_minute, deadline_working_days = "
        "excluded.deadline_working_days"));
    query.bind(1, activity.id)
        .bind(2, activity.code)
        .bind(3, activity.name)
        .bind(4, kActivityKinds.key(activity.kind))
        .bind(5, std::int64_t{activity.opening.days.bits()})
        .bind(6, std::int64_t{activity.opening.start.minutes})
        .bind(7, std::int64_t{activity.opening.end.minutes})
        .bind(8, kReservationPolicies.key(activity.reservation))
        .bind(9, kDepartureRecordings.key(activity.departure))
        .bind(10, std::int64_t{activity.deadline.working_days_before})
        .bind(11, std::int64_t{activity.deadline.hour.minutes})
        .bind(12, std::int64_t{activity.deadline.working_days.bits()});
    BADGEUSE_TRY(query.execute());
    return {};
}

Result<std::optional<Activity>> ActivityRepository::get(ActivityId id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_ACTIVITY_COLUMNS " FROM activity WHERE id = ?1"));
    query.bind(1, id);
    return read_first(query, "activity", read_activity);
}

Result<std::optional<Activity>> ActivityRepository::find_by_code(std::string_view code) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_ACTIVITY_COLUMNS " FROM activity WHERE code = ?1"));
    query.bind(1, code);
    return read_first(query, "activity", read_activity);
}

Result<std::vector<Activity>> ActivityRepository::list() const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_ACTIVITY_COLUMNS " FROM activity ORDER BY id"));
    return read_all(query, "activity", read_activity);
}

} // namespace badgeuse::store
