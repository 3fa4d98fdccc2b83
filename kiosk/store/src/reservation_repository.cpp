// Reservations: the primary key (child, activity, day) answers is_reserved; (day, activity) the rosters.
#include "badgeuse/store/reservation_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<Reservation> read_reservation(const Query& row) {
    auto day = BADGEUSE_TRY(row.date(2));
    return Reservation{ChildId{row.int64(0)}, ActivityId{row.int64(1)}, day};
}

} // namespace

Result<void> ReservationRepository::add(const Reservation& reservation) {
    auto query =
        BADGEUSE_TRY(m_db->query("INSERT INTO reservation (child_id, activity_id, day) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT DO NOTHING"));
    BADGEUSE_TRY(
        query.bind(1, reservation.child).bind(2, reservation.activity).bind(3, reservation.day).execute());
    return {};
}

Result<void> ReservationRepository::remove(const Reservation& reservation) {
    auto query = BADGEUSE_TRY(
        m_db->query("DELETE FROM reservation WHERE child_id = ?1 AND activity_id = ?2 AND day = ?3"));
    BADGEUSE_TRY(
        query.bind(1, reservation.child).bind(2, reservation.activity).bind(3, reservation.day).execute());
    return {};
}

Result<bool> ReservationRepository::is_reserved(ChildId child, ActivityId activity, Date day) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT 1 FROM reservation WHERE child_id = ?1 AND activity_id = ?2 AND day = ?3"));
    query.bind(1, child).bind(2, activity).bind(3, day);
    return query.next();
}

Result<std::vector<Reservation>> ReservationRepository::for_day(Date day, ActivityId activity) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT child_id, activity_id, day FROM reservation "
                                          "WHERE day = ?1 AND activity_id = ?2 ORDER BY child_id"));
    query.bind(1, day).bind(2, activity);
    return read_all(query, "reservation", read_reservation);
}

Result<std::vector<Reservation>> ReservationRepository::for_child(ChildId child, Date from, Date to) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT child_id, activity_id, day FROM reservation "
                                 "WHERE child_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day, activity_id"));
    query.bind(1, child).bind(2, from).bind(3, to);
    return read_all(query, "reservation", read_reservation);
}

Result<std::int64_t> ReservationRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM reservation");
}

} // namespace badgeuse::store
