// SimReader: a thread in poll() on a bound datagram socket and the stop signal.
#include "badgeuse/drivers/sim/sim_reader.hpp"

#include "badgeuse/core/badge.hpp"
#include "badgeuse/drivers/unique_fd.hpp"
#include "reader_core.hpp"
#include "stop_signal.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <system_error>
#include <thread>
#include <utility>

namespace badgeuse::drivers {
namespace {

std::string errno_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

Result<sockaddr_un> socket_address(const std::filesystem::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (text.empty() || text.size() >= sizeof address.sun_path)
        return make_error("reader.socket: expected a path shorter than " +
                          std::to_string(sizeof address.sun_path) + " characters, got '" + text + "'");
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
    return address;
}

// Logs the first few malformed messages, then one in a thousand: a flood must not flood the journal.
// "tap " and a 10-byte UID with separators fit many times over; anything longer is not ours.
constexpr std::size_t kMaxMessage = 512;

bool worth_logging(std::uint64_t count) {
    return count <= 5 || count % 1000 == 0;
}

} // namespace

SimReader::SimReader(SimReaderOptions options)
    : ThreadedReader(options.id)
    , m_options(std::move(options)) {}
SimReader::~SimReader() {
    stop();
}

Result<void> SimReader::prepare() {
    auto address = socket_address(m_options.socket);
    if (!address)
        return address.error();
    UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd)
        return make_error("cannot create a Unix socket: " + errno_text(errno));
    // A socket file left by a kiosk that crashed would make bind fail; anything else there is kept.
    struct stat info {};
    if (::lstat(m_options.socket.c_str(), &info) == 0 && S_ISSOCK(info.st_mode))
        ::unlink(m_options.socket.c_str());
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0)
        return make_error("reader.socket: cannot listen on " + m_options.socket.string() + ": " +
                          errno_text(errno));
    m_socket = std::move(fd);
    core().set_status(ReaderState::Connected, "simulated reader listening on " + m_options.socket.string());
    return {};
}

void SimReader::finish() {
    m_socket.reset();
    ::unlink(m_options.socket.c_str());
}

void SimReader::run() {
    std::array<char, kMaxMessage> buffer{};
    while (!stop_signal().requested()) {
        std::array<pollfd, 2> fds{{{m_socket.get(), POLLIN, 0}, {stop_signal().fd(), POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) {
            core().set_status(ReaderState::Error,
                              "the simulated reader's socket failed: " + errno_text(errno));
            return;
        }
        if ((fds[0].revents & POLLIN) == 0)
            continue;
        // Drains what is queued before polling again: a burst is handled in a few wake-ups.
        for (;;) {
            auto n = ::recv(m_socket.get(), buffer.data(), buffer.size(), MSG_TRUNC);
            if (n < 0)
                break;
            auto at = std::chrono::steady_clock::now();
            handle(std::string_view(buffer.data(),
                                    std::min<std::size_t>(static_cast<std::size_t>(n), buffer.size())),
                   static_cast<std::size_t>(n) > buffer.size(), at);
        }
    }
}

void SimReader::handle(std::string_view message, bool truncated, MonotonicTime at) {
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r'))
        message.remove_suffix(1);
    std::string problem;
    if (truncated) {
        problem = "longer than " + std::to_string(kMaxMessage) + " bytes";
    } else if (!message.starts_with("tap ")) {
        problem = "expected \"tap <UID>\"";
    } else if (auto uid = normalise_uid(message.substr(4)); !uid) {
        problem = uid.error().message;
    } else {
        core().tap(std::move(*uid), at);
        return;
    }
    auto count = m_malformed.fetch_add(1) + 1;
    if (worth_logging(count)) {
        std::string shown(message.substr(0, 40));
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E)
                c = '?';
        core().log(LogLevel::Warning, "dropped a malformed message (" + std::to_string(count) +
                                          " so far): '" + shown + "': " + problem);
    }
}

Result<SimClient> SimClient::open(const std::filesystem::path& socket) {
    auto address = socket_address(socket);
    if (!address)
        return address.error();
    UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd)
        return make_error("cannot create a Unix socket: " + errno_text(errno));
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0)
        return make_error("no simulated reader listens on " + socket.string() + " (" + errno_text(errno) +
                          "): start the kiosk with --demo, or give --socket");
    return SimClient(std::move(fd), socket);
}

Result<void> SimClient::tap(std::string_view uid) {
    auto normal = normalise_uid(uid);
    if (!normal)
        return normal.error();
    return send_raw("tap " + *normal + "\n");
}

Result<void> SimClient::send_raw(std::string_view message) {
    for (;;) {
        // Blocks while the reader's queue is full: a burst goes as fast as the reader takes it.
        if (::send(m_fd.get(), message.data(), message.size(), 0) >= 0)
            return {};
        if (errno == EINTR)
            continue;
        return make_error("cannot send to the simulated reader on " + m_socket.string() + ": " +
                          errno_text(errno));
    }
}

} // namespace badgeuse::drivers
