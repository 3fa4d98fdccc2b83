// A TCP proxy on loopback for the fault tests: between a client and the portal, it cuts each connection
// at a random byte offset in either direction, delays it, replays it, or lets it pass, from a seeded PRNG.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace badgeuse::testing {

// What a connection gets; drawn per accepted connection, in accept order, from the seed.
enum class Fault {
    Pass,
    CutToServer, // the client's bytes stop at the offset, then both sides are closed
    CutToClient, // the server's answer stops at the offset (the server did the work; the client never learns)
    Delay,       // the answer waits before it is forwarded
    Replay,      // passes, then the client's bytes are sent to the server once more (a duplicated request)
};

// The share of each fault among connections (the rest pass); offsets and delays are drawn below a bound.
struct FaultPlan {
    double cut_to_server = 0.2;
    double cut_to_client = 0.2;
    double delay = 0.15;
    double replay = 0.1;
    std::size_t max_cut_offset = 2048;
    std::chrono::milliseconds max_delay{300};
};

// What the proxy did. A planned cut whose offset lies past the end of the traffic counts as passed.
struct FaultCounts {
    std::size_t connections = 0;
    std::size_t passed = 0;
    std::size_t cut_to_server = 0;
    std::size_t cut_to_client = 0;
    std::size_t delayed = 0;
    std::size_t replayed = 0;
    std::size_t upstream_refused = 0; // the server was down (killed, restarting)
    std::size_t finished = 0;         // connections fully handled (their fault counted)
};

class FaultProxy {
public:
    // Listens on 127.0.0.1 (an ephemeral port) and forwards to 127.0.0.1:target_port, on its own thread.
    FaultProxy(std::uint16_t target_port, std::uint64_t seed, FaultPlan plan = {});
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    std::uint16_t port() const;
    // The server came back on another port (a restarted `portal serve --listen 127.0.0.1:0`).
    void set_target_port(std::uint16_t port);
    // Off: every new connection passes untouched (to drain what is left after the faulty rounds).
    void set_faults(bool on);
    FaultCounts counts() const;
    // The counts once every accepted connection is finished (or the timeout passed): a client can see
    // its connection end a moment before the proxy has counted it.
    FaultCounts settled_counts(std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace badgeuse::testing
