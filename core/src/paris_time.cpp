// Europe/Paris offsets from the rules, and ISO 8601 text.
#include "badgeuse/core/paris_time.hpp"

#include <charconv>
#include <cstdio>

namespace badgeuse::paris {
namespace {

using namespace std::chrono;

sys_days last_sunday(int year, unsigned month) {
    sys_days last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
    return last - (weekday{last} - Sunday);
}

struct SummerTime {
    sys_seconds start; // UTC
    sys_seconds end;   // UTC, exclusive
    bool exists = false;
};

SummerTime summer_time_of(int year) {
    // France 1976-1980, as decreed each year. 1976 changed at 01:00 on the local clock (00:00 UTC in
    // March, 23:00 UTC the evening before in September); 1977-1980 at 01:00 UTC, as tzdata has it.
    struct Dates {
        int year;
        unsigned start_month, start_day, end_month, end_day;
        int start_utc_hour, end_utc_hour; // of the change, from midnight UTC of the day named
    };
    static constexpr Dates kFrance1976[] = {{1976, 3, 28, 9, 26, 0, -1},
                                            {1977, 4, 3, 9, 25, 1, 1},
                                            {1978, 4, 2, 10, 1, 1, 1},
                                            {1979, 4, 1, 9, 30, 1, 1},
                                            {1980, 4, 6, 9, 28, 1, 1}};
    if (year < 1976)
        return {};
    if (year <= 1980) {
        const auto& d = kFrance1976[year - 1976];
        auto start =
            sys_days{std::chrono::year{year} / d.start_month / d.start_day} + hours{d.start_utc_hour};
        auto end = sys_days{std::chrono::year{year} / d.end_month / d.end_day} + hours{d.end_utc_hour};
        return {start, end, true};
    }
    auto start = last_sunday(year, 3) + hours{1};
    auto end = last_sunday(year, year <= 1995 ? 9 : 10) + hours{1};
    return {start, end, true};
}

} // namespace

bool is_summer_time(Instant at) {
    auto utc = floor<seconds>(at);
    int year = static_cast<int>(year_month_day{floor<days>(utc)}.year());
    auto st = summer_time_of(year);
    return st.exists && st.start <= utc && utc < st.end;
}

seconds utc_offset(Instant at) {
    return is_summer_time(at) ? hours{2} : hours{1};
}

LocalDateTime to_local(Instant at) {
    auto local = floor<seconds>(at) + utc_offset(at);
    auto day = floor<days>(local);
    return LocalDateTime{Date{day}, local - day};
}

Instant to_instant(Date date, seconds time_of_day, Ambiguity rule) {
    auto local = sys_seconds{sys_days{date}} + time_of_day;
    Instant as_winter = local - hours{1};
    Instant as_summer = local - hours{2};
    bool winter_fits = !is_summer_time(as_winter);
    bool summer_fits = is_summer_time(as_summer);
    if (winter_fits && summer_fits)
        return rule == Ambiguity::Earlier ? as_summer : as_winter;
    if (summer_fits)
        return as_summer;
    // Winter time fits, or the time falls in the March gap: reading it as winter time moves it an hour on.
    return as_winter;
}

std::string format_iso8601(Instant at) {
    auto local = to_local(at);
    auto ymd = local.date;
    auto hms = hh_mm_ss<seconds>{local.time_of_day};
    auto offset = duration_cast<minutes>(utc_offset(at)).count();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+%02d:%02d",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  static_cast<int>(offset / 60), static_cast<int>(offset % 60));
    return buffer;
}

std::string format_hhmm(Instant at) {
    auto hms = hh_mm_ss<seconds>{to_local(at).time_of_day};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
    return buffer;
}

Result<Instant> parse_iso8601(std::string_view text) {
    auto bad = [&](std::string_view why) {
        return make_error("expected a time as YYYY-MM-DDTHH:MM:SS+hh:mm, got '" + std::string(text) + "' (" +
                          std::string(why) + ")");
    };
    if (text.size() < 19 || (text[10] != 'T' && text[10] != ' '))
        return bad("too short or no T between the day and the time");
    auto date = parse_date(text.substr(0, 10));
    if (!date)
        return make_error(date.error().message);
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        if (pos + len > text.size())
            return false;
        for (std::size_t i = pos; i < pos + len; ++i)
            if (text[i] < '0' || text[i] > '9')
                return false;
        std::from_chars(text.data() + pos, text.data() + pos + len, out);
        return true;
    };
    int h = 0;
    int m = 0;
    int s = 0;
    if (!number(11, 2, h) || text[13] != ':' || !number(14, 2, m) || text[16] != ':' || !number(17, 2, s))
        return bad("time of day");
    if (h > 23 || m > 59 || s > 59)
        return bad("no such time of day");
    std::size_t pos = 19;
    milliseconds fraction{0};
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        int digits = 0;
        int value = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) {
                value = value * 10 + (text[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return bad("empty fraction");
        while (digits < 3) {
            value *= 10;
            ++digits;
        }
        fraction = milliseconds{value};
    }
    if (pos >= text.size())
        return bad("no offset; add Z or +01:00");
    minutes offset{0};
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
        offset = minutes{0};
    } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size()) {
        int oh = 0;
        int om = 0;
        if (!number(pos + 1, 2, oh) || text[pos + 3] != ':' || !number(pos + 4, 2, om) || oh > 14 || om > 59)
            return bad("offset");
        offset = minutes{oh * 60 + om};
        if (text[pos] == '-')
            offset = -offset;
    } else {
        return bad("offset");
    }
    auto local = sys_days{*date} + hours{h} + minutes{m} + seconds{s};
    return Instant{local - offset} + fraction;
}

} // namespace badgeuse::paris
