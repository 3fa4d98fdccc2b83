// ReaderCore and the reader state keys.
#include "reader_core.hpp"

#include <iostream>

namespace badgeuse::drivers {

std::string_view reader_state_key(ReaderState state) {
    switch (state) {
    case ReaderState::Stopped:
        return "stopped";
    case ReaderState::Searching:
        return "searching";
    case ReaderState::Connected:
        return "connected";
    case ReaderState::Error:
        return "error";
    }
    return "error";
}

void ReaderCore::set_callbacks(ReaderCallbacks callbacks) {
    std::lock_guard lock(m_callback_mutex);
    m_callbacks = std::move(callbacks);
    m_silenced = false;
}

void ReaderCore::silence() {
    std::lock_guard lock(m_callback_mutex);
    m_silenced = true;
}

ReaderStatus ReaderCore::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void ReaderCore::set_status(ReaderState state, std::string text) {
    ReaderStatus now{state, std::move(text)};
    {
        std::lock_guard lock(m_mutex);
        if (now == m_status)
            return;
        m_status = now;
    }
    log(state == ReaderState::Error ? LogLevel::Error : LogLevel::Info,
        std::string(reader_state_key(state)) + (now.text.empty() ? "" : ": " + now.text));
    std::lock_guard lock(m_callback_mutex);
    if (!m_silenced && m_callbacks.on_status)
        m_callbacks.on_status(now);
}

void ReaderCore::log(LogLevel level, std::string_view line) const {
    std::lock_guard lock(m_callback_mutex);
    if (m_silenced)
        return;
    if (m_callbacks.on_log) {
        m_callbacks.on_log(level, line);
        return;
    }
    static constexpr const char* kLevels[] = {"info", "warning", "error"};
    std::clog << "reader " << m_id << " [" << kLevels[static_cast<int>(level)] << "] " << line << '\n';
}

void ReaderCore::tap(std::string uid, MonotonicTime at) const {
    std::lock_guard lock(m_callback_mutex);
    if (!m_silenced && m_callbacks.on_tap)
        m_callbacks.on_tap(BadgeTap{std::move(uid), m_id, at});
}

std::string seconds_text(std::chrono::milliseconds duration) {
    // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) on "literal" + string&&.
    auto tenths = duration.count() / 100;
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) {
        text += '.';
        text += std::to_string(tenths % 10);
    }
    text += " s";
    return text;
}

} // namespace badgeuse::drivers
