// `portal rules ...`: thin wrappers over core's calendar and deadline rules.
#include "badgeuse/portal/rules_command.hpp"

#include "badgeuse/core/deadline.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/calendar_files.hpp"
#include "badgeuse/portal/cli.hpp"

#include <charconv>
#include <ostream>

namespace badgeuse::portal {
namespace {

Result<int> parse_year(const std::string& text) {
    int year = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits_only || ec != std::errc{} || ptr != text.data() + text.size())
        return make_error("--year: expected a year such as 2027, got '" + text + "'");
    if (year < kFirstHolidayYear || year > kLastHolidayYear)
        return make_error("--year: " + text + " is outside the years the calendar knows (" +
                          std::to_string(kFirstHolidayYear) + " to " + std::to_string(kLastHolidayYear) +
                          ")");
    return year;
}

Result<Date> parse_day(const std::string& option, const std::string& text) {
    auto day = parse_date(text);
    if (!day)
        return make_error(option + ": " + day.error().message);
    int year = static_cast<int>(day->year());
    // The deadline can fall in the previous year (a day in early January).
    if (year <= kFirstHolidayYear || year > kLastHolidayYear)
        return make_error(option + ": " + text + " is outside the years the calendar knows (" +
                          std::to_string(kFirstHolidayYear + 1) + " to " + std::to_string(kLastHolidayYear) +
                          ")");
    return *day;
}

int usage_error(std::ostream& err, const Error& error) {
    err << "portal: " << error.message << '\n';
    return kExitUsage;
}

Result<Calendar> calendar_of(const PortalConfig& config) {
    return load_calendar(config.calendar_files, config.region);
}

} // namespace

int rules_holidays(const std::string& year_text, HolidayRegion region, std::ostream& out, std::ostream& err) {
    auto year = parse_year(year_text);
    if (!year)
        return usage_error(err, year.error());
    auto holidays = public_holidays(*year, region);
    if (!holidays)
        return usage_error(err, holidays.error());
    for (const auto& holiday : *holidays)
        out << format_date(holiday.day) << '\t' << holiday.name << '\n';
    return kExitOk;
}

int rules_deadline(const PortalConfig& config, const std::string& day_text, std::ostream& out,
                   std::ostream& err) {
    auto day = parse_day("--day", day_text);
    if (!day)
        return usage_error(err, day.error());
    auto calendar = calendar_of(config);
    if (!calendar) {
        err << "portal: " << calendar.error().message << '\n';
        return kExitFailure;
    }
    out << paris::format_iso8601(booking_deadline(*day, config.deadline, *calendar)) << '\n';
    return kExitOk;
}

int rules_check(const PortalConfig& config, const std::string& day_text, const std::string& at_text,
                std::ostream& out, std::ostream& err) {
    auto day = parse_day("--day", day_text);
    if (!day)
        return usage_error(err, day.error());
    auto at = paris::parse_iso8601(at_text);
    if (!at)
        return usage_error(err, Error{"--at: " + at.error().message});
    auto calendar = calendar_of(config);
    if (!calendar) {
        err << "portal: " << calendar.error().message << '\n';
        return kExitFailure;
    }
    auto deadline = booking_deadline(*day, config.deadline, *calendar);
    out << (before_deadline(*at, deadline) ? "open until " : "closed since ")
        << paris::format_iso8601(deadline) << '\n';
    return kExitOk;
}

int rules_week(const PortalConfig& config, const std::string& from_text, std::ostream& out,
               std::ostream& err) {
    auto from = parse_day("--from", from_text);
    if (!from)
        return usage_error(err, from.error());
    auto calendar = calendar_of(config);
    if (!calendar) {
        err << "portal: " << calendar.error().message << '\n';
        return kExitFailure;
    }
    for (int i = 0; i < 7; ++i) {
        Date day = add_days(*from, i);
        out << format_date(day) << '\t' << weekday_name_fr(weekday_of(day)) << '\t';
        if (auto closure = calendar->closure(day))
            out << "fermé (" << closure->label << ")";
        else
            out << "ouvert";
        out << "\tdélai " << paris::format_iso8601(booking_deadline(day, config.deadline, *calendar)) << '\n';
    }
    return kExitOk;
}

} // namespace badgeuse::portal
