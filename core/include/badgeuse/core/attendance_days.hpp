// A child's day at an activity as the attendance events tell it: the arrival and the departure that
// still stand once voided events are taken out. The portal's exports and billing read it.
#pragma once

#include "badgeuse/core/attendance.hpp"

#include <optional>
#include <span>
#include <vector>

namespace badgeuse {

struct AttendanceDay {
    ChildId child;
    ActivityId activity;
    Date day;
    std::optional<AttendanceEvent> arrival;   // the earliest arrival that was not voided
    std::optional<AttendanceEvent> departure; // the latest departure that was not voided

    bool present() const { return arrival.has_value() || departure.has_value(); }
};

// Folds events (in any order) into one AttendanceDay per child, activity and day that keeps an arrival
// or a departure; sorted by day, activity, then child. A void cancels the event it names, whenever it
// arrives.
std::vector<AttendanceDay> attendance_days(std::span<const AttendanceEvent> events);

} // namespace badgeuse
