// TapQueue: the kiosk's intake of badge taps. Readers' threads (and the demo panel) push, the UI thread
// drains; pushing never blocks and wakes the UI thread through the callback it was given.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace badgeuse::app {

// The same shape as drivers' BadgeTap, so a reader's callback only copies the fields across; the app
// does not include drivers/ so that it builds and tests without any reader.
struct BadgeTap {
    std::string uid;    // as read; CheckInService normalises it
    std::string reader; // the reader's id: "nfc", "demo", "stdin"
    std::chrono::steady_clock::time_point at;
};

class TapQueue {
public:
    // `wake` runs on the pushing thread after each push (the UI passes a function that SDL_PushEvents).
    explicit TapQueue(std::size_t capacity = 256, std::function<void()> wake = {});

    void set_wake(std::function<void()> wake);
    // False when full: a flood of taps never holds up a reader; the drop is counted for staff.
    bool push(BadgeTap tap);
    // Every waiting tap, oldest first.
    std::vector<BadgeTap> drain();
    std::size_t size() const;
    std::uint64_t dropped() const;

private:
    std::size_t m_capacity;
    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::deque<BadgeTap> m_taps;
    std::uint64_t m_dropped = 0;
};

} // namespace badgeuse::app
