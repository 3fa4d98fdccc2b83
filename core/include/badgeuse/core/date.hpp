// Calendar dates, weekday sets and times of day: the vocabulary of every rule in core/.
// A Date is a civil day with no time zone; Europe/Paris conversions live in paris_time.hpp.
#pragma once

#include "badgeuse/core/result.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace badgeuse {

using Date = std::chrono::year_month_day;

inline Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}
// The number of days from `from` to `to` (negative when `to` is earlier).
inline int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}
inline std::chrono::weekday weekday_of(Date date) {
    return std::chrono::weekday{std::chrono::sys_days{date}};
}

// "2027-05-04".
std::string format_date(Date date);
// Accepts exactly YYYY-MM-DD naming a real day; the error says what is wrong with the text.
Result<Date> parse_date(std::string_view text);

// French names, for messages and the demo: "lundi", "mardi", ...
std::string_view weekday_name_fr(std::chrono::weekday day);
// "mon", "tue", ... as written in configuration files.
std::string_view weekday_key(std::chrono::weekday day);
Result<std::chrono::weekday> parse_weekday_key(std::string_view text);

// A set of weekdays, as used for opening days, working days and long-period requests.
class WeekdaySet {
public:
    constexpr WeekdaySet() = default;
    static constexpr WeekdaySet monday_to_friday() { return WeekdaySet{0b0111110}; }
    static constexpr WeekdaySet all() { return WeekdaySet{0b1111111}; }
    // Monday, Tuesday, Thursday, Friday: the usual French primary school week.
    static constexpr WeekdaySet school_week() { return WeekdaySet{0b0110110}; }
    static constexpr WeekdaySet from_bits(std::uint8_t bits) { return WeekdaySet{bits}; }

    constexpr bool contains(std::chrono::weekday day) const { return (m_bits >> day.c_encoding()) & 1U; }
    constexpr WeekdaySet& add(std::chrono::weekday day) {
        m_bits = static_cast<std::uint8_t>(m_bits | (1U << day.c_encoding()));
        return *this;
    }
    constexpr WeekdaySet& remove(std::chrono::weekday day) {
        m_bits = static_cast<std::uint8_t>(m_bits & ~(1U << day.c_encoding()));
        return *this;
    }
    constexpr bool empty() const { return m_bits == 0; }
    // Bit n stands for the weekday whose C encoding is n (0 = Sunday).
    constexpr std::uint8_t bits() const { return m_bits; }
    constexpr bool operator==(const WeekdaySet&) const = default;

    // "mon,tue,thu,fri"
    std::string to_keys() const;
    static Result<WeekdaySet> parse_keys(std::string_view text);

private:
    constexpr explicit WeekdaySet(std::uint8_t bits)
        : m_bits(bits) {}
    std::uint8_t m_bits = 0;
};

// A time of day on the local wall clock, to the minute: opening hours and deadline hours.
struct TimeOfDay {
    int minutes = 0; // since midnight, 0..1439

    static constexpr TimeOfDay at(int hour, int minute = 0) { return TimeOfDay{hour * 60 + minute}; }
    constexpr int hour() const { return minutes / 60; }
    constexpr int minute() const { return minutes % 60; }
    constexpr std::chrono::seconds since_midnight() const { return std::chrono::minutes{minutes}; }
    constexpr auto operator<=>(const TimeOfDay&) const = default;

    // "07:00"
    std::string to_string() const;
    // Accepts H:MM or HH:MM from 00:00 to 23:59.
    static Result<TimeOfDay> parse(std::string_view text);
};

} // namespace badgeuse
