// A deterministic fictional school in Laigneville (Oise, zone B): children, families, badges, a term of
// reservations and absences, and a past of attendance events, for the tests, the benchmarks and `make demo`.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/core/school_calendar.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace badgeuse::demo {

struct DateRange {
    Date first;
    Date last; // inclusive

    bool contains(Date day) const { return first <= day && day <= last; }
    bool operator==(const DateRange&) const = default;
};

// Zone B's school holidays from Christmas 2025 to the summer of 2027, and one town closure as an example:
// the same periods as config/calendar/zone-b-2026-2027.csv, sorted by first day.
std::vector<ClosedPeriod> zone_b_periods();

// The school year that holds `day`, from 1 September to the last Friday before the summer holidays (the
// first Friday of July); a summer day belongs to the year that starts in the coming September.
// 2026-12-04 gives 2026-09-01..2027-07-02.
DateRange school_year_containing(Date day);

inline constexpr int kLargeSiteChildren = 5000;

struct DemoOptions {
    // Everything else scales with this: classes of about 27, families of one to four children, about
    // four badges a child (the child's card and lost ones, the guardians' cards and fobs), staff.
    int children = 300;
    std::uint64_t seed = 20261;
    // The days reservations and absences are made for; the default is the school year 2026-2027, which
    // holds the demo's weeks between the Toussaint and Christmas holidays.
    Date term_first = std::chrono::year{2026} / 9 / 1;
    Date term_last = std::chrono::year{2027} / 7 / 2;
    // The site's holidays and closures: no reservation falls on them. Zone B's are known from Christmas
    // 2025 to the summer of 2027; a term outside that has only the public holidays.
    std::vector<ClosedPeriod> closed_periods = zone_b_periods();

    // The benchmarks' larger site: 5,000 children, about 20,000 badges, the whole school year.
    static DemoOptions large_site() {
        DemoOptions options;
        options.children = kLargeSiteChildren;
        return options;
    }
};

struct DemoSchool {
    Site site;
    std::vector<Activity> activities; // morning care (1), canteen (2), evening care (3)
    std::vector<std::string> classes; // "PS", "MS", "GS", "CP-A", "CP-B", ... from the youngest
    std::vector<Family> families;
    std::vector<Guardian> guardians;
    std::vector<Child> children; // siblings next to each other, ids from 1
    std::vector<StaffMember> staff;
    std::vector<Badge> badges;             // UIDs unique, upper-case hex; a few revoked
    std::vector<Reservation> reservations; // sorted by child, activity, day
    std::vector<Absence> absences;         // sorted by child, then day
    std::vector<ClosedPeriod> closed_periods;
    DateRange term;

    Calendar calendar() const { return Calendar(closed_periods); }
};

// The same options give the same school, to the byte, on every platform.
DemoSchool generate_demo_school(const DemoOptions& options = {});

// Past attendance consistent with the school's reservations and absences, for the open days from `from`
// to `to` inclusive: most booked children arrive (a few do not come, a few come while declared absent),
// a few come unbooked, and evening care records departures with the adult who took the child. Events are
// in time order within a day, with UUIDs drawn from the seed. Each day draws from its own stream, so two
// consecutive ranges give the same events as the range that joins them.
std::vector<AttendanceEvent> generate_attendance_history(const DemoSchool& school, Date from, Date to,
                                                         std::uint64_t seed);

} // namespace badgeuse::demo
