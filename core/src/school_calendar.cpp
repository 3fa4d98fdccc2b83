// Closure kind keys, shared by the iCalendar and CSV readers (school_calendar_ics.cpp, _csv.cpp).
#include "badgeuse/core/school_calendar.hpp"

namespace badgeuse {

std::string_view closure_kind_key(ClosureKind kind) {
    switch (kind) {
    case ClosureKind::SchoolHoliday:
        return "holiday";
    case ClosureKind::Closure:
        return "closure";
    }
    return "closure";
}

Result<ClosureKind> parse_closure_kind_key(std::string_view key) {
    for (auto kind : {ClosureKind::SchoolHoliday, ClosureKind::Closure})
        if (closure_kind_key(kind) == key)
            return kind;
    return make_error("expected a closure kind among holiday, closure, got '" + std::string(key) + "'");
}

} // namespace badgeuse
