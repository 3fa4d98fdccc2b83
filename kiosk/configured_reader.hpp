// ConfiguredReader: runs kiosk.toml's badge reader for the app. Taps go through the rate limiter into the
// app's tap queue; the reader's state and the count of dropped taps reach the UI thread as
// app::ReaderHealth through the app's mailbox. Lives in the executable's floor: the app knows no driver.
#pragma once

#include "badgeuse/app/health.hpp"
#include "badgeuse/app/tap_queue.hpp"
#include "badgeuse/app/ui_mailbox.hpp"
#include "badgeuse/drivers/reader_config.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace badgeuse::kiosk {

// What the badge screen says for a driver state (a msgid of the catalogs); the driver's text is the
// detail shown on the staff screen.
app::ReaderHealth reader_health(const drivers::ReaderStatus& status, std::string reader_id,
                                std::uint64_t dropped_taps);

class ConfiguredReader {
public:
    // `taps` and `mailbox` must outlive the link; stop() (or the destructor) ends every callback.
    ConfiguredReader(drivers::ReaderConfig config, app::TapQueue& taps, app::UiMailbox& mailbox);
    ~ConfiguredReader();
    ConfiguredReader(const ConfiguredReader&) = delete;
    ConfiguredReader& operator=(const ConfiguredReader&) = delete;

    // Fails only for a setup that can never work; an absent device is a status ("searching").
    Result<void> start();
    void stop();

    app::ReaderHealth health() const;
    // Taps over the rate limit, and taps refused because the app's queue was full.
    std::uint64_t dropped() const;

private:
    // Shared with the letters in the mailbox, which may run after the link is gone.
    struct State {
        explicit State(drivers::RateLimit limit, std::string reader_id)
            : limiter(limit)
            , id(std::move(reader_id)) {}
        drivers::TapRateLimiter limiter;
        std::string id;
        mutable std::mutex mutex;
        drivers::ReaderStatus status;
        std::atomic<std::uint64_t> queue_full{0};
        // A flood of taps must not flood the UI with letters: one is in flight at a time, and it reads
        // the latest state when it runs.
        std::atomic<bool> letter_pending{false};
        app::ReaderHealth health() const;
    };
    static void publish(const std::shared_ptr<State>& state, app::UiMailbox& mailbox);

    drivers::ReaderConfig m_config;
    app::TapQueue* m_taps;
    app::UiMailbox* m_mailbox;
    std::shared_ptr<State> m_state;
    std::unique_ptr<drivers::BadgeReader> m_reader;
};

} // namespace badgeuse::kiosk
