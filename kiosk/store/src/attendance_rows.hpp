// Writing one attendance event row: shared by Store::record_attendance, which adds its outbox row.
// Kept beside the repository that reads the same columns back.
#pragma once

#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/result.hpp"

namespace badgeuse::store {

class Database;

// true if the row was written, false if an event with that UUID was already stored.
Result<bool> insert_attendance_event(Database& db, const AttendanceEvent& event);

} // namespace badgeuse::store
