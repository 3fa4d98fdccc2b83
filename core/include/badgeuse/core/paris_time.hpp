// Europe/Paris local time: offsets, conversions both ways and ISO 8601 text with the offset.
// Rules are computed, not read from tzdata: CET/CEST with the EU changes (last Sunday of March and
// of October at 01:00 UTC) since 1996, the September end of 1981-1995 and France's dates of 1976-1980;
// before 1976 the offset is CET all year, which is only right back to 1945.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/result.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace badgeuse::paris {

struct LocalDateTime {
    Date date;
    std::chrono::seconds time_of_day{0}; // since local midnight
    constexpr bool operator==(const LocalDateTime&) const = default;
};

// +01:00 in winter, +02:00 in summer.
std::chrono::seconds utc_offset(Instant at);
bool is_summer_time(Instant at);

LocalDateTime to_local(Instant at);
inline Date local_date(Instant at) {
    return to_local(at).date;
}

// What to do with a local time that occurs twice (the October change) or never (the March change).
enum class Ambiguity {
    Earlier, // the first of two occurrences (summer time); a time in the gap moves forward by an hour
    Later,   // the second occurrence (winter time)
};
Instant to_instant(Date date, std::chrono::seconds time_of_day, Ambiguity rule = Ambiguity::Earlier);
inline Instant to_instant(Date date, TimeOfDay time, Ambiguity rule = Ambiguity::Earlier) {
    return to_instant(date, time.since_midnight(), rule);
}

// "2027-05-04T10:00:00+02:00" (seconds precision).
std::string format_iso8601(Instant at);
// "10:42"
std::string format_hhmm(Instant at);
// Accepts YYYY-MM-DDTHH:MM:SS followed by Z or ±hh:mm (fractions of a second are allowed).
Result<Instant> parse_iso8601(std::string_view text);

} // namespace badgeuse::paris
