// A clock that starts where it is told and runs on: steady time elapsed since its start is added,
// so a wall-clock step on the test machine does not move it.
#include "running_clock.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <string>

namespace badgeuse::portal::server {

RunningClock::RunningClock(Instant start)
    : m_start(start)
    , m_started(std::chrono::steady_clock::now()) {}

Instant RunningClock::now() const {
    return m_start + std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                           m_started);
}

Result<Instant> parse_clock_start(std::string_view text) {
    auto with_offset = paris::parse_iso8601(text);
    if (with_offset)
        return *with_offset;
    // Without an offset the time is Europe/Paris local: parse it as UTC, then move it to Paris.
    auto as_utc = paris::parse_iso8601(std::string(text) + "Z");
    if (!as_utc)
        return make_error(
            "--clock-start: expected YYYY-MM-DDTHH:MM:SS (Europe/Paris) or with an offset, not \"" +
            std::string(text) + "\"");
    const auto days = std::chrono::floor<std::chrono::days>(*as_utc);
    const Date date{std::chrono::year_month_day{days}};
    const auto time_of_day = std::chrono::duration_cast<std::chrono::seconds>(*as_utc - days);
    return paris::to_instant(date, time_of_day);
}

} // namespace badgeuse::portal::server
