// StopSignal: tells a reader's thread to finish, and wakes it from poll() or a timed wait at once
// (an eventfd, so that it can sit in the same poll() as the device). Drivers' private header.
#pragma once

#include "badgeuse/drivers/unique_fd.hpp"

#include <atomic>
#include <chrono>

namespace badgeuse::drivers {

class StopSignal {
public:
    StopSignal();

    void request();
    void reset(); // before a restart, with no thread running
    bool requested() const { return m_requested.load(); }
    // Sleeps up to `duration`; returns true (early) when a stop was requested.
    bool wait_for(std::chrono::milliseconds duration) const;
    int fd() const { return m_fd.get(); }

private:
    UniqueFd m_fd;
    std::atomic<bool> m_requested{false};
};

} // namespace badgeuse::drivers
