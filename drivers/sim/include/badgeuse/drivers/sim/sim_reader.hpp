// SimReader: a badge reader on a Unix datagram socket, for the demo and the tests; badge-sim (or
// SimClient) sends it "tap <UID>" messages. Malformed messages are dropped with a log line.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"
#include "badgeuse/drivers/threaded_reader.hpp"
#include "badgeuse/drivers/unique_fd.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

namespace badgeuse::drivers {

// Where the kiosk's --demo and badge-sim meet unless told otherwise.
inline constexpr const char* kDefaultSimSocket = "/tmp/badgeuse-sim.sock";

struct SimReaderOptions {
    std::string id = "sim";
    std::filesystem::path socket = kDefaultSimSocket;
};

class SimReader final : public ThreadedReader {
public:
    explicit SimReader(SimReaderOptions options);
    ~SimReader() override;

    std::uint64_t malformed() const { return m_malformed.load(); } // messages that were not "tap <UID>"

private:
    // Binds the socket (replacing a stale one left by a crash) before start() returns: a client may
    // send at once.
    Result<void> prepare() override;
    void run() override;
    void finish() override;
    void handle(std::string_view message, bool truncated, MonotonicTime at);

    SimReaderOptions m_options;
    UniqueFd m_socket;
    std::atomic<std::uint64_t> m_malformed{0};
};

// The sending side, as badge-sim uses it.
class SimClient {
public:
    static Result<SimClient> open(const std::filesystem::path& socket);
    // Sends "tap <UID>" after checking the UID as core's normalise_uid does.
    Result<void> tap(std::string_view uid);
    // Sends any text as it is (the tests send garbage with it).
    Result<void> send_raw(std::string_view message);

private:
    SimClient(UniqueFd fd, std::filesystem::path socket)
        : m_fd(std::move(fd))
        , m_socket(std::move(socket)) {}
    UniqueFd m_fd;
    std::filesystem::path m_socket;
};

} // namespace badgeuse::drivers
