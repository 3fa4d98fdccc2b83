// NfcReader: an NFC reader through libnfc (PN532 and the other chips it drives), polling ISO 14443-A at
// 106 kbps and tapping once per presentation; it survives unplugging and bad frames on its own thread.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace badgeuse::drivers {

struct NfcReaderOptions {
    std::string id = "nfc";
    // A libnfc connstring such as "pn532_uart:/dev/serial/by-id/usb-…:115200"; empty: the first device
    // libnfc finds (autoscan never finds a reader on a serial port: name those).
    std::string connstring;
    // How often the chip looks for a card; the PN532 counts it in 150 ms units, 1 to 15.
    std::chrono::milliseconds poll_period{150};
    // How long a card must have been away before it taps again.
    std::chrono::milliseconds rearm{1000};
    // How often an absent or lost reader is looked for again.
    std::chrono::milliseconds reopen_every{2000};
};

// Refuses what cannot work, saying which option and what is expected.
Result<void> validate(const NfcReaderOptions& options);

class NfcReader final : public BadgeReader {
public:
    explicit NfcReader(NfcReaderOptions options);
    ~NfcReader() override;
    NfcReader(const NfcReader&) = delete;
    NfcReader& operator=(const NfcReader&) = delete;

    Result<void> start(ReaderCallbacks callbacks) override;
    void stop() override;
    ReaderStatus status() const override;
    const std::string& id() const override;

    // InAutoPoll's parameters for these options: Period (150 ms units) and PollNr, the number of polls
    // before the chip answers "nothing" (that answer is the reader's heartbeat).
    static std::uint8_t period_units(std::chrono::milliseconds poll_period);
    static constexpr std::uint8_t kPollCount = 2;
    // The libnfc this program runs with, for the staff screen's about box and the benchmark's report.
    static std::string libnfc_version();

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace badgeuse::drivers
