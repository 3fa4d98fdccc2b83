// School holidays and closures, loaded from data: the iCalendar files the ministry publishes for each
// school zone, or a plain CSV the town writes for its own closures (a strike, a teacher day, a bridge).
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace badgeuse {

enum class ClosureKind {
    SchoolHoliday, // the national calendar: no school, no canteen, no care
    Closure,       // the town closes the service on those days (bridge, strike, works)
};

struct ClosedPeriod {
    Date first;
    Date last; // inclusive
    ClosureKind kind = ClosureKind::SchoolHoliday;
    std::string label; // "Vacances de Noël"

    bool covers(Date day) const { return first <= day && day <= last; }
    bool operator==(const ClosedPeriod&) const = default;
};

std::string_view closure_kind_key(ClosureKind kind); // "holiday", "closure"
Result<ClosureKind> parse_closure_kind_key(std::string_view key);

// Reads the VEVENTs of an iCalendar text (RFC 5545: DTEND exclusive, folded lines, DATE or DATE-TIME
// values). Events whose SUMMARY says "Vacances" or "Pont" become school holidays; "Rentrée" events
// only close an open-ended summer holiday; any other event is a closure. Errors name the line.
// A "Vacances" event with no DTEND runs to the day before the pupils' next Rentrée that year (the
// teachers' does not count), or to 31 August; a " - Zone B" suffix is dropped from labels; cancelled
// events are left out; RRULE and DURATION are refused. The periods come sorted by first day.
Result<std::vector<ClosedPeriod>> parse_school_calendar_ics(std::string_view text);

// Reads the CSV form: a header line `first,last,kind,label`, then one period per line with both dates
// inclusive (YYYY-MM-DD), kind `holiday` or `closure`, and a label (quoted if it has a comma).
// Blank lines and lines starting with # are passed over. Errors name the line and the column.
// The periods come sorted by first day.
Result<std::vector<ClosedPeriod>> parse_school_calendar_csv(std::string_view text);

// Writes the CSV form that parse_school_calendar_csv reads.
std::string format_school_calendar_csv(const std::vector<ClosedPeriod>& periods);

} // namespace badgeuse
