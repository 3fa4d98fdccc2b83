// HidReader: a keyboard-wedge badge reader read from its evdev device (/dev/input/by-id/…-event-kbd)
// under an exclusive grab, so that the digits it types never reach the UI or a console.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"
#include "badgeuse/drivers/hid/wedge_parser.hpp"
#include "badgeuse/drivers/threaded_reader.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace badgeuse::drivers {

enum class HidGrab {
    Exclusive, // EVIOCGRAB: the kiosk's setting; a device that cannot be grabbed is an error
    Shared,    // no grab: for a stream that is not an evdev device (the tests' FIFO)
};

struct HidReaderOptions {
    std::string id = "hid";
    std::filesystem::path device;
    WedgeFormat format = WedgeFormat::Decimal;
    HidGrab grab = HidGrab::Exclusive;
    std::chrono::milliseconds reopen_every{2000};
};

class HidReader final : public ThreadedReader {
public:
    explicit HidReader(HidReaderOptions options);
    ~HidReader() override;

private:
    Result<void> prepare() override;
    void run() override;
    void read_until_lost(int fd);
    std::string retry_text() const;

    HidReaderOptions m_options;
};

} // namespace badgeuse::drivers
