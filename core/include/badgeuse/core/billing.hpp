// What each child's day at an activity is billed as, from the portal's facts: the reservation in the
// end, the attendance (voids applied, staff corrections over badges), the absences the family declared
// and the changes attempted after the deadline. Pure: the portal's store gathers the facts.
#pragma once

#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/booking.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse {

enum class BillingCategory {
    BookedPresent,           // booked and present
    PresentUnbooked,         // present without a booking
    BookedAbsentUnjustified, // booked, absent, no justification
    JustifiedAbsence,        // booked, absent, with a justified absence
    ChangedAfterDeadline,    // booked, absent, and the family tried to cancel after the deadline
};

// "booked_present", "present_unbooked", "absent_unjustified", "absence_justified",
// "changed_after_deadline": the CSV's keys.
std::string_view billing_category_key(BillingCategory category);

struct BillingFacts {
    bool booked = false;
    bool present = false;
    bool justified_absence = false; // a justified absence covers the day
    bool late_change = false;       // a booking or cancellation for the day was refused as too late
};

// Empty when there is nothing to bill: neither booked nor present. Presence decides first (a child who
// came is billed as present whatever was asked); an absence is justified before it is late.
std::optional<BillingCategory> billing_category(const BillingFacts& facts);

// A staff member's hand correction of the roster: the child was there (or not), whatever the badges say.
struct PresenceCorrection {
    ChildId child;
    ActivityId activity;
    Date day;
    bool present = true;
    Instant made_at;
};

struct BillingInput {
    std::vector<Reservation> booked;             // the days booked in the end
    std::vector<AttendanceEvent> attendance;     // the accepted attendance events, voids included
    std::vector<PresenceCorrection> corrections; // the latest made_at wins for a child, activity, day
    std::vector<Absence> absences;
    std::vector<Reservation> late_changes; // days of booking intents refused for the deadline
};

struct BillingLine {
    Reservation key; // the child, activity and day
    BillingCategory category = BillingCategory::BookedPresent;
};

// One line per child, activity and day that has something to bill, sorted by day, child, then activity.
std::vector<BillingLine> billing_lines(const BillingInput& input);

} // namespace badgeuse
