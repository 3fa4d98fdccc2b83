// ReaderProbe: the callbacks a test hands a reader; it records taps, statuses and log lines, and lets
// the test wait (with a deadline) for what it expects.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <chrono>
#include <condition_variable>
#include <dirent.h>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace badgeuse::testing {

class ReaderProbe {
public:
    drivers::ReaderCallbacks callbacks() {
        drivers::ReaderCallbacks callbacks;
        callbacks.on_tap = [this](drivers::BadgeTap tap) {
            std::lock_guard lock(m_mutex);
            m_taps.push_back(std::move(tap));
            m_changed.notify_all();
        };
        callbacks.on_status = [this](const drivers::ReaderStatus& status) {
            std::lock_guard lock(m_mutex);
            m_statuses.push_back(status);
            m_changed.notify_all();
        };
        callbacks.on_log = [this](drivers::LogLevel, std::string_view line) {
            std::lock_guard lock(m_mutex);
            m_logs.emplace_back(line);
            m_changed.notify_all();
        };
        return callbacks;
    }

    // Waits until `done` holds (checked under the probe's lock) or the timeout passes; returns `done`.
    bool wait_until(const std::function<bool(const ReaderProbe&)>& done, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return done(*this); });
    }
    bool wait_for_taps(std::size_t count, std::chrono::milliseconds timeout) {
        return wait_until([count](const ReaderProbe& p) { return p.m_taps.size() >= count; }, timeout);
    }
    bool wait_for_state(drivers::ReaderState state, std::chrono::milliseconds timeout) {
        return wait_until(
            [state](const ReaderProbe& p) {
                return !p.m_statuses.empty() && p.m_statuses.back().state == state;
            },
            timeout);
    }
    bool wait_for_text(const std::string& part, std::chrono::milliseconds timeout) {
        return wait_until(
            [&part](const ReaderProbe& p) {
                return !p.m_statuses.empty() && p.m_statuses.back().text.find(part) != std::string::npos;
            },
            timeout);
    }
    bool wait_for_log(const std::string& part, std::chrono::milliseconds timeout) {
        return wait_until(
            [&part](const ReaderProbe& p) {
                for (const auto& line : p.m_logs)
                    if (line.find(part) != std::string::npos)
                        return true;
                return false;
            },
            timeout);
    }

    std::vector<drivers::BadgeTap> taps() const {
        std::lock_guard lock(m_mutex);
        return m_taps;
    }
    std::vector<std::string> tap_uids() const {
        std::lock_guard lock(m_mutex);
        std::vector<std::string> uids;
        for (const auto& tap : m_taps)
            uids.push_back(tap.uid);
        return uids;
    }
    std::vector<drivers::ReaderStatus> statuses() const {
        std::lock_guard lock(m_mutex);
        return m_statuses;
    }
    std::vector<std::string> logs() const {
        std::lock_guard lock(m_mutex);
        return m_logs;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<drivers::BadgeTap> m_taps;
    std::vector<drivers::ReaderStatus> m_statuses;
    std::vector<std::string> m_logs;
};

// The number of file descriptors this process has open (a leak shows as a growing count).
inline int open_fd_count() {
    int count = 0;
    if (DIR* dir = ::opendir("/proc/self/fd")) {
        while (dirent* entry = ::readdir(dir))
            if (entry->d_name[0] != '.')
                ++count;
        ::closedir(dir);
        --count; // the directory stream's own descriptor
    }
    return count;
}

} // namespace badgeuse::testing
