// A family declaring an absence at the kiosk: which ranges it may declare. The kiosk stores the
// absence at once (the planning shows "absent") and the portal receives it as AbsenceDeclared.
#pragma once

#include "badgeuse/core/date.hpp"

#include <string_view>

namespace badgeuse {

// The reasons the kiosk offers, stored as these keys (the portal receives them in AbsenceDeclared).
inline constexpr std::string_view kAbsenceReasons[] = {"maladie", "rendez-vous médical", "raison familiale",
                                                       "autre"};
bool is_absence_reason(std::string_view reason);

struct AbsenceRequestRules {
    // A longer absence is a matter for the town hall (a change of care arrangements), not the kiosk.
    int max_days = 60;
};

enum class AbsenceProblem {
    None,
    EndsBeforeStart,
    StartsInThePast, // the past is the staff's roster to correct, not the family's to declare
    TooLong,
    UnknownReason,
};

// Today is the first day a family may declare (a child ill this morning).
AbsenceProblem check_absence_request(Date today, Date from, Date to, std::string_view reason,
                                     AbsenceRequestRules rules = {});

} // namespace badgeuse
