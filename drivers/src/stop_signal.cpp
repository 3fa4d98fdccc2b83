// StopSignal on an eventfd.
#include "stop_signal.hpp"

#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>

namespace badgeuse::drivers {

StopSignal::StopSignal()
    : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    // Without it no reader could ever be stopped: this is a startup failure, not a runtime one.
    if (!m_fd)
        throw std::runtime_error("cannot create an eventfd for a badge reader's stop signal");
}

void StopSignal::request() {
    m_requested.store(true);
    std::uint64_t one = 1;
    // A full counter (impossible at one write per stop) would still leave the fd readable.
    [[maybe_unused]] auto written = ::write(m_fd.get(), &one, sizeof one);
}

void StopSignal::reset() {
    std::uint64_t value = 0;
    [[maybe_unused]] auto drained = ::read(m_fd.get(), &value, sizeof value);
    m_requested.store(false);
}

bool StopSignal::wait_for(std::chrono::milliseconds duration) const {
    auto deadline = std::chrono::steady_clock::now() + duration;
    while (!requested()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                          std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd fd{m_fd.get(), POLLIN, 0};
        // Rounds up so that a sub-millisecond remainder does not spin.
        int result = ::poll(&fd, 1, static_cast<int>(left.count()) + 1);
        if (result < 0 && errno != EINTR)
            return requested();
    }
    return true;
}

} // namespace badgeuse::drivers
