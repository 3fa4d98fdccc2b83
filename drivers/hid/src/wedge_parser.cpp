// WedgeParser: key presses to digits, Enter to a UID.
#include "badgeuse/drivers/hid/wedge_parser.hpp"

#include "badgeuse/core/badge.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace badgeuse::drivers {
namespace {

// The character a key stands for on a wedge reader, or 0. Evdev codes are key positions, the same
// whatever the layout: KEY_1 is '1' even where an AZERTY layout would make it '&'.
char key_char(unsigned code) {
    switch (code) {
    case KEY_1:
    case KEY_KP1:
        return '1';
    case KEY_2:
    case KEY_KP2:
        return '2';
    case KEY_3:
    case KEY_KP3:
        return '3';
    case KEY_4:
    case KEY_KP4:
        return '4';
    case KEY_5:
    case KEY_KP5:
        return '5';
    case KEY_6:
    case KEY_KP6:
        return '6';
    case KEY_7:
    case KEY_KP7:
        return '7';
    case KEY_8:
    case KEY_KP8:
        return '8';
    case KEY_9:
    case KEY_KP9:
        return '9';
    case KEY_0:
    case KEY_KP0:
        return '0';
    case KEY_A:
        return 'A';
    case KEY_B:
        return 'B';
    case KEY_C:
        return 'C';
    case KEY_D:
        return 'D';
    case KEY_E:
        return 'E';
    case KEY_F:
        return 'F';
    default:
        return 0;
    }
}

// Keys a reader may press around the digits (shift for upper-case hex, num lock) that mean nothing.
bool is_modifier(unsigned code) {
    switch (code) {
    case KEY_LEFTSHIFT:
    case KEY_RIGHTSHIFT:
    case KEY_LEFTCTRL:
    case KEY_RIGHTCTRL:
    case KEY_LEFTALT:
    case KEY_RIGHTALT:
    case KEY_CAPSLOCK:
    case KEY_NUMLOCK:
        return true;
    default:
        return false;
    }
}

} // namespace

Result<WedgeFormat> parse_wedge_format(std::string_view key) {
    if (key == "decimal")
        return WedgeFormat::Decimal;
    if (key == "hex")
        return WedgeFormat::Hex;
    return make_error("reader.format: expected \"decimal\" or \"hex\", got \"" + std::string(key) + "\"");
}

WedgeParser::WedgeParser(WedgeFormat format, std::chrono::milliseconds max_gap)
    : m_format(format)
    , m_max_gap(max_gap) {}

std::vector<WedgeLine> WedgeParser::feed(std::span<const std::byte> bytes) {
    std::vector<WedgeLine> lines;
    m_partial.insert(m_partial.end(), bytes.begin(), bytes.end());
    std::size_t used = 0;
    while (m_partial.size() - used >= sizeof(input_event)) {
        input_event event{};
        std::memcpy(&event, m_partial.data() + used, sizeof event);
        used += sizeof event;
        if (auto line = on_event(event))
            lines.push_back(std::move(*line));
    }
    m_partial.erase(m_partial.begin(), m_partial.begin() + static_cast<std::ptrdiff_t>(used));
    return lines;
}

std::optional<WedgeLine> WedgeParser::on_event(const input_event& event) {
    // Only presses count: releases carry nothing new and auto-repeat is a key held, not typed.
    if (event.type != EV_KEY || event.value != 1)
        return std::nullopt;
    std::chrono::microseconds at =
        std::chrono::seconds(event.input_event_sec) + std::chrono::microseconds(event.input_event_usec);
    std::optional<WedgeLine> dropped;
    if (m_last_key && at - *m_last_key > m_max_gap && (!m_digits.empty() || !m_problem.empty()))
        dropped = drop_partial(
            "incomplete input (no Enter within " +
            std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(m_max_gap).count()) +
            " ms)");
    m_last_key = at;

    if (event.code == KEY_ENTER || event.code == KEY_KPENTER) {
        auto line = finish();
        return line ? line : dropped;
    }
    if (is_modifier(event.code))
        return dropped;
    char c = key_char(event.code);
    if (c == 0) {
        if (m_problem.empty())
            m_problem = "a key that is not a digit (code " + std::to_string(event.code) + ")";
    } else if (m_format == WedgeFormat::Decimal && c > '9') {
        if (m_problem.empty())
            m_problem = "a hex digit in decimal input";
    } else if (m_digits.size() >= kMaxDigits) {
        if (m_problem.empty())
            m_problem = "more than " + std::to_string(kMaxDigits) + " digits";
    } else {
        m_digits += c;
    }
    return dropped;
}

std::optional<WedgeLine> WedgeParser::drop_partial(std::string problem) {
    WedgeLine line{"", m_problem.empty() ? std::move(problem) : m_problem};
    m_digits.clear();
    m_problem.clear();
    return line;
}

std::optional<WedgeLine> WedgeParser::finish() {
    std::string digits = std::move(m_digits);
    std::string problem = std::move(m_problem);
    m_digits.clear();
    m_problem.clear();
    if (digits.empty() && problem.empty())
        return std::nullopt; // a lone Enter: nothing was typed
    if (!problem.empty())
        return WedgeLine{"", "dropped input with " + problem};
    if (m_format == WedgeFormat::Decimal) {
        if (digits.size() != 10)
            return WedgeLine{"", "expected 10 decimal digits, got " + std::to_string(digits.size())};
        std::uint64_t value = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (value > 0xFFFFFFFFu)
            return WedgeLine{"",
                             "the number " + digits + " does not fit the 4 bytes of an EM4100 card number"};
        static constexpr char kHex[] = "0123456789ABCDEF";
        std::string hex(8, '0');
        for (int i = 7; i >= 0; --i, value >>= 4)
            hex[static_cast<std::size_t>(i)] = kHex[value & 0xF];
        return WedgeLine{hex, ""};
    }
    auto uid = normalise_uid(digits);
    if (!uid)
        return WedgeLine{"", uid.error().message};
    return WedgeLine{std::move(*uid), ""};
}

} // namespace badgeuse::drivers
