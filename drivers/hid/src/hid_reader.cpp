// HidReader: open, grab, poll() with the stop signal, read input_event records into the parser; a
// device that goes away is looked for again every reopen_every.
#include "badgeuse/drivers/hid/hid_reader.hpp"

#include "badgeuse/drivers/unique_fd.hpp"
#include "reader_core.hpp"
#include "stop_signal.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <system_error>
#include <thread>

namespace badgeuse::drivers {
namespace {

std::string errno_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

} // namespace

HidReader::HidReader(HidReaderOptions options)
    : ThreadedReader(options.id)
    , m_options(std::move(options)) {}
HidReader::~HidReader() {
    stop();
}

Result<void> HidReader::prepare() {
    if (m_options.device.empty())
        return make_error("reader.device: expected the reader's input device, such as "
                          "\"/dev/input/by-id/usb-…-event-kbd\"");
    return {};
}

std::string HidReader::retry_text() const {
    return "looking again every " + seconds_text(m_options.reopen_every);
}

void HidReader::run() {
    const std::string path = m_options.device.string();
    core().set_status(ReaderState::Searching, "looking for " + path);
    bool first = true;
    while (!stop_signal().requested()) {
        if (!first && stop_signal().wait_for(m_options.reopen_every))
            break;
        first = false;
        UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        if (!fd) {
            int error = errno;
            if (error == EACCES || error == EPERM)
                core().set_status(ReaderState::Error, "no permission to read " + path +
                                                          ": add the kiosk's user to the 'input' group; " +
                                                          retry_text());
            else
                core().set_status(ReaderState::Searching,
                                  "no keyboard-wedge reader at " + path + " (" + errno_text(error) +
                                      "): check that it is plugged in; " + retry_text());
            continue;
        }
        if (m_options.grab == HidGrab::Exclusive && ::ioctl(fd.get(), EVIOCGRAB, 1) != 0) {
            int error = errno;
            if (error == EBUSY)
                core().set_status(ReaderState::Error,
                                  "another program holds " + path +
                                      " exclusively: stop it (is a second kiosk running?); " + retry_text());
            else
                core().set_status(ReaderState::Error,
                                  path + " is not an input device that can be grabbed (" + errno_text(error) +
                                      "): name its /dev/input/by-id/…-event-kbd; " + retry_text());
            continue;
        }
        core().set_status(ReaderState::Connected, "ready (" + path + ")");
        read_until_lost(fd.get());
        // Closing the device releases the grab.
    }
}

void HidReader::read_until_lost(int fd) {
    WedgeParser parser(m_options.format);
    std::array<std::byte, 64 * sizeof(input_event)> buffer{};
    while (!stop_signal().requested()) {
        std::array<pollfd, 2> fds{{{fd, POLLIN, 0}, {stop_signal().fd(), POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (stop_signal().requested())
            return;
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) == 0)
            continue;
        auto n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n <= 0) {
            // ENODEV once the reader is unplugged; end of stream for a FIFO whose writer left.
            core().set_status(ReaderState::Searching,
                              "lost the keyboard-wedge reader (" +
                                  (n < 0 ? errno_text(errno) : std::string("end of input")) +
                                  "): " + retry_text());
            return;
        }
        auto at = std::chrono::steady_clock::now();
        for (auto& line : parser.feed(std::span(buffer.data(), static_cast<std::size_t>(n)))) {
            if (line.uid.empty())
                core().log(LogLevel::Warning, "dropped keyboard-wedge input: " + line.problem);
            else
                core().tap(std::move(line.uid), at);
        }
    }
}

} // namespace badgeuse::drivers
