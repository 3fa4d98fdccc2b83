// WedgeParser: turns the key events a keyboard-wedge badge reader types (the card number, then Enter)
// into UIDs. Reads the kernel's input_event records, so the keyboard layout (AZERTY here) plays no part.
#pragma once

#include "badgeuse/core/result.hpp"

#include <chrono>
#include <cstddef>
#include <linux/input.h>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace badgeuse::drivers {

enum class WedgeFormat {
    Decimal, // the 10-digit decimal form of an EM4100 card's last four bytes ("0004211234")
    Hex,     // the UID in hex digits, 4 to 10 bytes
};

Result<WedgeFormat> parse_wedge_format(std::string_view key); // "decimal" or "hex"

// What one line (up to Enter) came to: a UID, or why it was dropped.
struct WedgeLine {
    std::string uid;     // upper-case hex; empty when dropped
    std::string problem; // why it was dropped, for the log
};

class WedgeParser {
public:
    // Readers type a whole number in a few tens of milliseconds; keys further apart than `max_gap`
    // are not one badge (someone pressing keys, a reader reset mid-number): the partial input is dropped.
    explicit WedgeParser(WedgeFormat format,
                         std::chrono::milliseconds max_gap = std::chrono::milliseconds(300));

    // Bytes as read() returns them from an evdev device: whole or partial input_event records.
    std::vector<WedgeLine> feed(std::span<const std::byte> bytes);
    std::optional<WedgeLine> on_event(const input_event& event);

    static constexpr std::size_t kMaxDigits = 20; // 10 bytes in hex; more is not a badge

private:
    std::optional<WedgeLine> finish();
    std::optional<WedgeLine> drop_partial(std::string problem);

    WedgeFormat m_format;
    std::chrono::microseconds m_max_gap;
    std::string m_digits;
    std::string m_problem; // set once the line is known bad; it is dropped at Enter
    std::optional<std::chrono::microseconds> m_last_key;
    std::vector<std::byte> m_partial; // an input_event cut across two reads
};

} // namespace badgeuse::drivers
