// The absence request's checks.
#include "badgeuse/core/absence_request.hpp"

#include <algorithm>

namespace badgeuse {

bool is_absence_reason(std::string_view reason) {
    return std::find(std::begin(kAbsenceReasons), std::end(kAbsenceReasons), reason) !=
           std::end(kAbsenceReasons);
}

AbsenceProblem check_absence_request(Date today, Date from, Date to, std::string_view reason,
                                     AbsenceRequestRules rules) {
    if (to < from)
        return AbsenceProblem::EndsBeforeStart;
    if (from < today)
        return AbsenceProblem::StartsInThePast;
    if (days_between(from, to) + 1 > rules.max_days)
        return AbsenceProblem::TooLong;
    if (!is_absence_reason(reason))
        return AbsenceProblem::UnknownReason;
    return AbsenceProblem::None;
}

} // namespace badgeuse
