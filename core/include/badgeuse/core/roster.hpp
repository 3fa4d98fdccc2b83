// The roster of one activity on one day: who is expected, present, missing, unexpected or gone,
// with counts for staff and meal counts per diet for the kitchen. Also the emergency roll call.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/people.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace badgeuse {

enum class RosterStatus {
    Missing,        // expected and not arrived yet
    Present,        // arrived and still here
    Departed,       // arrived and left (activities that record departures)
    DeclaredAbsent, // the family declared an absence, and the child has not come
};

struct RosterEntry {
    ChildId child;
    std::string first_name;
    std::string last_name;
    std::string class_name;
    Diet diet = Diet::Standard;
    bool health_marker = false;
    bool reserved = false;
    bool declared_absent = false;
    bool unexpected = false; // arrived without a reservation, or while declared absent
    RosterStatus status = RosterStatus::Missing;
    std::optional<Instant> arrived_at;
    std::optional<Instant> departed_at;
    std::string picked_up_by;
};

struct RosterCounts {
    int expected = 0; // reserved and not declared absent
    int present = 0;  // here now
    int departed = 0;
    int missing = 0;         // expected, not arrived
    int unexpected = 0;      // arrived without being expected
    int declared_absent = 0; // declared absent and not come
};

struct DietCount {
    Diet diet = Diet::Standard;
    int expected = 0; // meals to prepare from the bookings
    int arrived = 0;  // children who actually came, booked or not
};

struct Roster {
    Date day;
    ActivityId activity;
    std::vector<RosterEntry> entries; // by last name, first name
    RosterCounts counts;
    std::array<DietCount, std::size(kAllDiets)> diets{};
};

// `children` must hold every child named by the reservations, absences and events given; the other
// spans may hold more than this day and activity (they are filtered).
Roster build_roster(Date day, const Activity& activity, std::span<const Child> children,
                    std::span<const Reservation> reservations, std::span<const Absence> absences,
                    std::span<const AttendanceEvent> events);

// Every child checked in and not departed, across the given rosters (a child in two rosters once).
std::vector<RosterEntry> roll_call(std::span<const Roster> rosters);

} // namespace badgeuse
