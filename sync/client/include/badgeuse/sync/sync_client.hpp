// SyncClient: the kiosk's link to the portal, on its own thread with its own io_context. It pushes the
// outbox right after each local event, pulls the portal's changes every pull interval (page after page
// while there are more), measures the clock offset, and backs off (exponential, full jitter, up to
// 5 minutes) while the portal is unreachable. Its state reaches the kiosk through a callback.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/sync/backoff.hpp"
#include "badgeuse/sync/replica.hpp"
#include "badgeuse/sync/server_url.hpp"
#include "badgeuse/sync/sync_state.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace badgeuse::sync {

enum class LogLevel { Info, Warning, Error };

struct ClientSettings {
    ServerUrl server;
    std::filesystem::path ca_file; // the portal's CA (PEM); empty: the system's CAs
    std::string token;             // from `kiosk --enroll`
    std::chrono::milliseconds pull_every{std::chrono::seconds{30}};
    std::chrono::milliseconds request_timeout{std::chrono::seconds{15}};
    BackoffSettings backoff;
    std::size_t push_batch = 200; // events per POST /v1/events
    int pull_limit = 500;         // changes per page
    // Changes gathered from consecutive pages before one transaction applies them (a long pull; see
    // page_applier.hpp). A batch holds the kiosk's write lock while it commits, and a tap at that moment
    // waits: 5,000 reservations commit in about 30 ms (90 ms at worst) where 20,000 took 80 ms (150 ms),
    // and the first full pull takes 0.1 to 0.3 s longer for it (`badgeuse-bench --only sync-pull
    // --apply-batch N`).
    std::size_t apply_batch = 5000;
};

struct ClientCallbacks {
    // Runs on the client's thread after every attempt and change of state: must not block.
    std::function<void(const SyncState&)> on_state;
    std::function<void(LogLevel, std::string_view)> on_log;
    // Runs on the client's thread after a pull that applied changes: what the kiosk caches from its
    // database (the activities, the calendar) must be read again.
    std::function<void()> on_pulled;
    // [0, 1) for the backoff's jitter; empty: a random device.
    std::function<double()> uniform;
};

class SyncClient {
public:
    // `replica` and `clock` must outlive the client; the replica is used on the client's thread only.
    SyncClient(ClientSettings settings, Replica& replica, const Clock& clock, ClientCallbacks callbacks);
    ~SyncClient(); // stops the thread: an exchange in progress is abandoned, a page being applied is not
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // Reads the CA and starts the thread, whose first move is a full exchange.
    Result<void> start();
    void stop();

    // Thread-safe, never blocks: a local event was recorded; push it soon (unless backing off, when
    // the retry timer pushes it).
    void notify_event();
    // Thread-safe, never blocks: a full exchange now, even while backing off ("Synchroniser maintenant").
    void sync_now();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace badgeuse::sync
