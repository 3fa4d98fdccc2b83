// AttendanceRepository: reading the attendance events the kiosk recorded.
// Events are written only by Store::record_attendance, which queues them in the outbox in the same commit.
#pragma once

#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/result.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;

class AttendanceRepository {
public:
    explicit AttendanceRepository(Database& db)
        : m_db(&db) {}

    Result<std::optional<AttendanceEvent>> get(const Uuid& id) const;
    // Both lists are in the order the events happened (then by UUID for equal instants).
    Result<std::vector<AttendanceEvent>> for_child_on(ChildId child, Date day) const;
    Result<std::vector<AttendanceEvent>> for_day(Date day, ActivityId activity) const;
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
