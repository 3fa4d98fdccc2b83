// Text keys of attendance enums, as stored in databases and sent on the wire.
#include "badgeuse/core/attendance.hpp"

#include <array>
#include <utility>

namespace badgeuse {
namespace {

template <typename Enum, std::size_t N>
Result<Enum> parse_key(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view key,
                       std::string_view what) {
    std::string expected;
    for (const auto& [value, name] : table) {
        if (name == key)
            return value;
        expected += (expected.empty() ? "" : ", ") + std::string(name);
    }
    return make_error("expected " + std::string(what) + " among " + expected + ", got '" + std::string(key) +
                      "'");
}

template <typename Enum, std::size_t N>
std::string_view key_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return table[0].second;
}

constexpr std::array<std::pair<EventKind, std::string_view>, 3> kEventKinds = {
    {{EventKind::Arrival, "arrival"}, {EventKind::Departure, "departure"}, {EventKind::Void, "void"}}};
constexpr std::array<std::pair<Capture, std::string_view>, 2> kCaptures = {
    {{Capture::Badge, "badge"}, {Capture::Manual, "manual"}}};
constexpr std::array<std::pair<AttendanceFlag, std::string_view>, 3> kFlags = {
    {{AttendanceFlag::None, "none"},
     {AttendanceFlag::NotReserved, "not_reserved"},
     {AttendanceFlag::DeclaredAbsent, "declared_absent"}}};

} // namespace

std::string_view event_kind_key(EventKind kind) {
    return key_of(kEventKinds, kind);
}
Result<EventKind> parse_event_kind_key(std::string_view key) {
    return parse_key(kEventKinds, key, "an event kind");
}
std::string_view capture_key(Capture capture) {
    return key_of(kCaptures, capture);
}
Result<Capture> parse_capture_key(std::string_view key) {
    return parse_key(kCaptures, key, "a capture");
}
std::string_view attendance_flag_key(AttendanceFlag flag) {
    return key_of(kFlags, flag);
}
Result<AttendanceFlag> parse_attendance_flag_key(std::string_view key) {
    return parse_key(kFlags, key, "an attendance flag");
}

} // namespace badgeuse
