// BadgeReader: what the kiosk needs from any badge reader (NFC, keyboard wedge, simulator).
// Each reader runs its own thread, reports taps and status changes through callbacks, and never blocks.
#pragma once

#include "badgeuse/core/result.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace badgeuse::drivers {

// Taps are stamped on the monotonic clock: the wall clock may jump (NTP, DST) and a tap's age is what
// the rate limiter and the re-arm delay measure. The app converts to an Instant when it records one.
using MonotonicTime = std::chrono::steady_clock::time_point;

struct BadgeTap {
    std::string uid;    // upper-case hex without separators, as core's normalise_uid makes it
    std::string reader; // the reader's id from the configuration, e.g. "nfc" or "entrance"
    MonotonicTime at;   // when the reader saw the badge
};

enum class ReaderState {
    Stopped,   // not started, or stopped
    Searching, // the device is absent or went away; it is looked for again periodically
    Connected, // the device answers and badges are read
    Error,     // the device is there but cannot be used; the text says what to do
};

std::string_view reader_state_key(ReaderState state); // "stopped", "searching", "connected", "error"

struct ReaderStatus {
    ReaderState state = ReaderState::Stopped;
    std::string text; // for the staff screen: what is going on and, when it is wrong, what to do

    friend bool operator==(const ReaderStatus&, const ReaderStatus&) = default;
};

enum class LogLevel { Info, Warning, Error };

// Every callback is called on the reader's own thread. They must return quickly: a reader that waits
// for its consumer misses the next badge. The kiosk passes them through a TapRateLimiter to its own tap
// queue, which wakes the UI thread.
struct ReaderCallbacks {
    std::function<void(BadgeTap)> on_tap;
    std::function<void(const ReaderStatus&)> on_status;     // optional
    std::function<void(LogLevel, std::string_view)> on_log; // optional; without it, lines go to stderr
};

class BadgeReader {
public:
    virtual ~BadgeReader() = default;

    // Starts the reader's thread. Fails only for a reader that is already running or a setup that can
    // never work (the socket path is too long, ...); an absent device is a status, not a failure.
    virtual Result<void> start(ReaderCallbacks callbacks) = 0;
    // Stops and joins the thread; no callback runs after it returns. Idempotent; the destructor calls it.
    virtual void stop() = 0;

    virtual ReaderStatus status() const = 0;
    virtual const std::string& id() const = 0;
};

} // namespace badgeuse::drivers
