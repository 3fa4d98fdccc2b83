// Reservations and declared absences: what the family told the town in advance.
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"

#include <string>

namespace badgeuse {

// A child booked on an activity for a day. Only booked days are stored; a cancellation removes it.
struct Reservation {
    ChildId child;
    ActivityId activity;
    Date day;
    auto operator<=>(const Reservation&) const = default;
};

enum class Justification { Unjustified, Justified };

// The family declared the child would not come, from `from` to `to` inclusive, for every activity.
struct Absence {
    AbsenceId id;
    ChildId child;
    Date from;
    Date to;
    std::string reason; // "maladie", "rendez-vous médical"
    Justification justification = Justification::Unjustified;

    bool covers(Date day) const { return from <= day && day <= to; }
};

} // namespace badgeuse
