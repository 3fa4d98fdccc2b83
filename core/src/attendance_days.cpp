// Attendance events folded into days: voids out first, then the earliest arrival and latest departure.
#include "badgeuse/core/attendance_days.hpp"

#include <map>
#include <set>
#include <tuple>

namespace badgeuse {

std::vector<AttendanceDay> attendance_days(std::span<const AttendanceEvent> events) {
    std::set<Uuid> voided;
    for (const AttendanceEvent& event : events)
        if (event.kind == EventKind::Void)
            voided.insert(event.voids);

    // Keyed by (day, activity, child) so that the map's order is the result's.
    std::map<std::tuple<std::chrono::sys_days, std::int64_t, std::int64_t>, AttendanceDay> days;
    for (const AttendanceEvent& event : events) {
        if (event.kind == EventKind::Void || voided.contains(event.id))
            continue;
        const auto key =
            std::make_tuple(std::chrono::sys_days{event.day}, event.activity.value, event.child.value);
        auto [entry, added] = days.try_emplace(key);
        AttendanceDay& day = entry->second;
        if (added) {
            day.child = event.child;
            day.activity = event.activity;
            day.day = event.day;
        }
        if (event.kind == EventKind::Arrival) {
            if (!day.arrival || event.at < day.arrival->at)
                day.arrival = event;
        } else if (!day.departure || event.at > day.departure->at) {
            day.departure = event;
        }
    }
    std::vector<AttendanceDay> result;
    result.reserve(days.size());
    for (auto& [key, day] : days)
        result.push_back(std::move(day));
    return result;
}

} // namespace badgeuse
