// ReaderConfig: the [reader] table of kiosk.toml once read (the kiosk parses the file), and the factory
// that makes the reader it names. Values are checked here, with the key and what was expected.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/drivers/badge_reader.hpp"
#include "badgeuse/drivers/hid/wedge_parser.hpp"
#include "badgeuse/drivers/sim/sim_reader.hpp"
#include "badgeuse/drivers/tap_rate_limiter.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace badgeuse::drivers {

enum class ReaderKind { Nfc, Hid, Sim };

Result<ReaderKind> parse_reader_kind(std::string_view key); // "nfc", "hid" or "sim"
std::string_view reader_kind_key(ReaderKind kind);

struct ReaderConfig {
    ReaderKind kind = ReaderKind::Nfc;
    std::string id;               // reader.id; empty: the kind's key
    std::string connstring;       // reader.connstring (nfc); empty: the first device libnfc finds
    std::filesystem::path device; // reader.device (hid)
    WedgeFormat format = WedgeFormat::Decimal;        // reader.format (hid)
    std::filesystem::path socket = kDefaultSimSocket; // reader.socket (sim)
    std::chrono::milliseconds poll{150};              // reader.poll_ms (nfc)
    std::chrono::milliseconds rearm{1000};            // reader.rearm_ms (nfc)
    std::chrono::milliseconds reopen{2000};           // reader.reopen_ms (nfc, hid)
    RateLimit rate;                                   // reader.taps_per_second, reader.tap_burst
};

Result<void> validate(const ReaderConfig& config);
Result<std::unique_ptr<BadgeReader>> make_reader(const ReaderConfig& config);

} // namespace badgeuse::drivers
