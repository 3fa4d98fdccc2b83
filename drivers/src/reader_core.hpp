// ReaderCore: what every reader shares: its id, its callbacks, its current status and its log lines.
// Thread-safe; readers own one and call it from their thread. Drivers' private header.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <chrono>
#include <mutex>
#include <string>

namespace badgeuse::drivers {

class ReaderCore {
public:
    explicit ReaderCore(std::string id)
        : m_id(std::move(id)) {}

    const std::string& id() const { return m_id; }
    void set_callbacks(ReaderCallbacks callbacks);

    ReaderStatus status() const;
    // Calls on_status only when the status changed, so that a retry loop does not flood the UI.
    void set_status(ReaderState state, std::string text);
    void log(LogLevel level, std::string_view line) const;
    void tap(std::string uid, MonotonicTime at) const;
    // No callback runs after this returns (one in progress is waited for): for a thread left behind.
    void silence();

private:
    std::string m_id;
    ReaderCallbacks m_callbacks;         // set before the thread starts
    mutable std::mutex m_callback_mutex; // held while a callback runs, so that silence() can wait for it
    bool m_silenced = false;
    mutable std::mutex m_mutex;
    ReaderStatus m_status;
};

// "2 s", "0.5 s": a delay as staff read it in a status text.
std::string seconds_text(std::chrono::milliseconds duration);

} // namespace badgeuse::drivers
