// Building a day's roster from bookings, absences and events.
#include "badgeuse/core/roster.hpp"

#include "badgeuse/core/check_in.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace badgeuse {

Roster build_roster(Date day, const Activity& activity, std::span<const Child> children,
                    std::span<const Reservation> reservations, std::span<const Absence> absences,
                    std::span<const AttendanceEvent> events) {
    std::unordered_map<ChildId, const Child*> by_id;
    for (const auto& child : children)
        by_id.emplace(child.id, &child);

    std::unordered_map<ChildId, RosterEntry> entries;
    auto entry_for = [&](ChildId id) -> RosterEntry* {
        auto found = by_id.find(id);
        if (found == by_id.end())
            return nullptr;
        auto [it, inserted] = entries.try_emplace(id);
        if (inserted) {
            const Child& child = *found->second;
            it->second.child = id;
            it->second.first_name = child.first_name;
            it->second.last_name = child.last_name;
            it->second.class_name = child.class_name;
            it->second.diet = child.diet;
            it->second.health_marker = child.needs_health_marker();
        }
        return &it->second;
    };

    for (const auto& r : reservations)
        if (r.day == day && r.activity == activity.id)
            if (auto* e = entry_for(r.child))
                e->reserved = true;
    std::unordered_set<ChildId> absent;
    for (const auto& a : absences)
        if (a.covers(day))
            absent.insert(a.child);
    for (const auto& event : effective_events(events)) {
        if (event.day != day || event.activity != activity.id)
            continue;
        auto* e = entry_for(event.child);
        if (e == nullptr)
            continue;
        if (event.kind == EventKind::Arrival && !e->arrived_at)
            e->arrived_at = event.at;
        if (event.kind == EventKind::Departure) {
            e->departed_at = event.at;
            e->picked_up_by = event.picked_up_by;
        }
    }

    Roster roster{day, activity.id, {}, {}, {}};
    for (std::size_t i = 0; i < std::size(kAllDiets); ++i)
        roster.diets[i].diet = kAllDiets[i];
    bool booking_required = activity.reservation == ReservationPolicy::Required;
    for (auto& [id, e] : entries) {
        // Only the children booked for this activity and those who came belong on its roster; an
        // absence alone does not put a child on every activity's list.
        e.declared_absent = absent.contains(id);
        bool arrived = e.arrived_at.has_value();
        bool expected = e.reserved && !e.declared_absent;
        e.unexpected = arrived && booking_required && !expected;
        if (arrived)
            e.status = e.departed_at ? RosterStatus::Departed : RosterStatus::Present;
        else
            e.status = e.declared_absent ? RosterStatus::DeclaredAbsent : RosterStatus::Missing;

        auto& c = roster.counts;
        c.expected += expected ? 1 : 0;
        c.present += e.status == RosterStatus::Present ? 1 : 0;
        c.departed += e.status == RosterStatus::Departed ? 1 : 0;
        c.missing += expected && !arrived ? 1 : 0;
        c.unexpected += e.unexpected ? 1 : 0;
        c.declared_absent += e.status == RosterStatus::DeclaredAbsent ? 1 : 0;
        auto& diet = roster.diets[static_cast<std::size_t>(e.diet)];
        diet.expected += expected ? 1 : 0;
        diet.arrived += arrived ? 1 : 0;
        roster.entries.push_back(std::move(e));
    }
    std::sort(roster.entries.begin(), roster.entries.end(), [](const RosterEntry& a, const RosterEntry& b) {
        return std::tie(a.last_name, a.first_name, a.child) < std::tie(b.last_name, b.first_name, b.child);
    });
    return roster;
}

std::vector<RosterEntry> roll_call(std::span<const Roster> rosters) {
    std::vector<RosterEntry> out;
    std::unordered_set<ChildId> seen;
    for (const auto& roster : rosters)
        for (const auto& e : roster.entries)
            if (e.status == RosterStatus::Present && seen.insert(e.child).second)
                out.push_back(e);
    std::sort(out.begin(), out.end(), [](const RosterEntry& a, const RosterEntry& b) {
        return std::tie(a.last_name, a.first_name, a.child) < std::tie(b.last_name, b.first_name, b.child);
    });
    return out;
}

} // namespace badgeuse
