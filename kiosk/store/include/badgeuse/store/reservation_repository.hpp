// ReservationRepository: the days each child is booked on each activity.
// Only booked days exist: adding twice is one booking, removing a missing one is not an error.
#pragma once

#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/result.hpp"

#include <cstdint>
#include <vector>

namespace badgeuse::store {

class Database;

class ReservationRepository {
public:
    explicit ReservationRepository(Database& db)
        : m_db(&db) {}

    Result<void> add(const Reservation& reservation);
    Result<void> remove(const Reservation& reservation);
    Result<bool> is_reserved(ChildId child, ActivityId activity, Date day) const;
    Result<std::vector<Reservation>> for_day(Date day, ActivityId activity) const; // by child
    // From `from` to `to` inclusive, by day then activity.
    Result<std::vector<Reservation>> for_child(ChildId child, Date from, Date to) const;
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
