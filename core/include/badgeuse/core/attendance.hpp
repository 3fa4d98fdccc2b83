// Attendance events: the facts the kiosk records (arrivals, departures, and undoing a wrong one).
// Each carries a client-made UUID so that the portal stores it exactly once.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <string>
#include <string_view>

namespace badgeuse {

enum class EventKind {
    Arrival,
    Departure,
    Void, // cancels the event named in `voids` (a staff member undoing a wrong check-in)
};

enum class Capture { Badge, Manual };

// What the kiosk noticed when it accepted the child; billing and staff use it.
enum class AttendanceFlag { None, NotReserved, DeclaredAbsent };

struct AttendanceEvent {
    Uuid id;
    ChildId child;
    ActivityId activity;
    Date day; // the local day of the activity
    EventKind kind = EventKind::Arrival;
    Capture capture = Capture::Badge;
    AttendanceFlag flag = AttendanceFlag::None;
    Instant at;
    std::string badge_uid;    // empty for a manual entry
    StaffId recorded_by;      // zero when the child badged alone
    std::string picked_up_by; // departures: the adult who took the child
    Uuid voids;               // Void events: the event they cancel
};

std::string_view event_kind_key(EventKind kind); // "arrival", "departure", "void"
Result<EventKind> parse_event_kind_key(std::string_view key);
std::string_view capture_key(Capture capture);
Result<Capture> parse_capture_key(std::string_view key);
std::string_view attendance_flag_key(AttendanceFlag flag);
Result<AttendanceFlag> parse_attendance_flag_key(std::string_view key);

} // namespace badgeuse
