// Reader kinds and the factory.
#include "badgeuse/drivers/reader_config.hpp"

#include "badgeuse/drivers/hid/hid_reader.hpp"
#include "badgeuse/drivers/nfc/nfc_reader.hpp"

namespace badgeuse::drivers {
namespace {

NfcReaderOptions nfc_options(const ReaderConfig& config) {
    NfcReaderOptions options;
    options.id = config.id.empty() ? "nfc" : config.id;
    options.connstring = config.connstring;
    options.poll_period = config.poll;
    options.rearm = config.rearm;
    options.reopen_every = config.reopen;
    return options;
}

} // namespace

Result<ReaderKind> parse_reader_kind(std::string_view key) {
    for (auto kind : {ReaderKind::Nfc, ReaderKind::Hid, ReaderKind::Sim})
        if (reader_kind_key(kind) == key)
            return kind;
    return make_error("reader.kind: expected \"nfc\", \"hid\" or \"sim\", got \"" + std::string(key) + "\"");
}

std::string_view reader_kind_key(ReaderKind kind) {
    switch (kind) {
    case ReaderKind::Nfc:
        return "nfc";
    case ReaderKind::Hid:
        return "hid";
    case ReaderKind::Sim:
        return "sim";
    }
    return "nfc";
}

Result<void> validate(const ReaderConfig& config) {
    if (config.rate.per_second <= 0 || config.rate.per_second > 1000)
        return make_error("reader.taps_per_second: expected a number above 0 and at most 1000");
    if (config.rate.burst < 1 || config.rate.burst > 1000)
        return make_error("reader.tap_burst: expected a whole number from 1 to 1000");
    switch (config.kind) {
    case ReaderKind::Nfc:
        return validate(nfc_options(config));
    case ReaderKind::Hid:
        if (config.device.empty())
            return make_error("reader.device: expected the reader's input device, such as "
                              "\"/dev/input/by-id/usb-…-event-kbd\"");
        if (config.reopen < std::chrono::milliseconds(100))
            return make_error("reader.reopen_ms: expected at least 100");
        return {};
    case ReaderKind::Sim:
        if (config.socket.empty())
            return make_error("reader.socket: expected a path for the simulator's socket");
        return {};
    }
    return {};
}

Result<std::unique_ptr<BadgeReader>> make_reader(const ReaderConfig& config) {
    if (auto valid = validate(config); !valid)
        return valid.error();
    std::unique_ptr<BadgeReader> reader;
    switch (config.kind) {
    case ReaderKind::Nfc:
        reader = std::make_unique<NfcReader>(nfc_options(config));
        break;
    case ReaderKind::Hid:
        reader =
            std::make_unique<HidReader>(HidReaderOptions{config.id.empty() ? "hid" : config.id, config.device,
                                                         config.format, HidGrab::Exclusive, config.reopen});
        break;
    case ReaderKind::Sim:
        reader = std::make_unique<SimReader>(
            SimReaderOptions{config.id.empty() ? "sim" : config.id, config.socket});
        break;
    }
    return reader;
}

} // namespace badgeuse::drivers
