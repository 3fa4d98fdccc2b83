// Formatting and parsing of dates, weekday sets and times of day.
#include "badgeuse/core/date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace badgeuse {
namespace {

bool parse_digits(std::string_view text, int& out) {
    if (text.empty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

constexpr std::array<std::string_view, 7> kWeekdayKeys = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kWeekdayNamesFr = {"dimanche", "lundi",    "mardi", "mercredi",
                                                             "jeudi",    "vendredi", "samedi"};

} // namespace

std::string format_date(Date date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Result<Date> parse_date(std::string_view text) {
    auto quoted = "'" + std::string(text) + "'";
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return make_error("expected a date as YYYY-MM-DD, got " + quoted);
    int y = 0;
    int m = 0;
    int d = 0;
    if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
        !parse_digits(text.substr(8, 2), d))
        return make_error("expected a date as YYYY-MM-DD, got " + quoted);
    if (m < 1 || m > 12)
        return make_error("no month " + std::to_string(m) + " in " + quoted);
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return make_error("no such day: " + quoted);
    return date;
}

std::string_view weekday_name_fr(std::chrono::weekday day) {
    return kWeekdayNamesFr[day.c_encoding()];
}
std::string_view weekday_key(std::chrono::weekday day) {
    return kWeekdayKeys[day.c_encoding()];
}

Result<std::chrono::weekday> parse_weekday_key(std::string_view text) {
    for (unsigned i = 0; i < kWeekdayKeys.size(); ++i)
        if (kWeekdayKeys[i] == text)
            return std::chrono::weekday{i};
    return make_error("expected a weekday among mon, tue, wed, thu, fri, sat, sun, got '" +
                      std::string(text) + "'");
}

std::string WeekdaySet::to_keys() const {
    std::string out;
    // Monday first, as a French week reads.
    for (unsigned i = 1; i <= 7; ++i) {
        std::chrono::weekday day{i % 7};
        if (!contains(day))
            continue;
        if (!out.empty())
            out += ',';
        out += weekday_key(day);
    }
    return out;
}

Result<WeekdaySet> WeekdaySet::parse_keys(std::string_view text) {
    WeekdaySet set;
    if (text.empty())
        return set;
    // An empty item, trailing comma included, is refused like any unknown key.
    while (true) {
        auto comma = text.find(',');
        auto item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        auto day = parse_weekday_key(item);
        if (!day)
            return day.error();
        set.add(*day);
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return set;
}

std::string TimeOfDay::to_string() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour(), minute());
    return buffer;
}

Result<TimeOfDay> TimeOfDay::parse(std::string_view text) {
    auto colon = text.find(':');
    int h = 0;
    int m = 0;
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3 ||
        !parse_digits(text.substr(0, colon), h) || !parse_digits(text.substr(colon + 1), m) || h > 23 ||
        m > 59)
        return make_error("expected a time as HH:MM between 00:00 and 23:59, got '" + std::string(text) +
                          "'");
    return TimeOfDay::at(h, m);
}

} // namespace badgeuse
