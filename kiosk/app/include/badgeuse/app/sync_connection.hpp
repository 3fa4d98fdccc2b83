// SyncConnection: the kiosk's sync client wired to its database: a Store of its own on the same file (the
// client's thread never touches the app's Store), the StoreReplica over it, and the SyncClient. The
// client's state arrives as app::SyncHealth through a callback (the UI posts it to its mailbox).
#pragma once

#include "badgeuse/app/health.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/store/store.hpp"
#include "badgeuse/sync/sync_client.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace badgeuse::app {

// kiosk.toml's [sync]: server, ca, token_file, pull_seconds.
struct SyncConfig {
    std::string server;               // "https://portail.ville.fr:8443"
    std::filesystem::path ca;         // the portal's CA (PEM); empty: the system's CAs
    std::filesystem::path token_file; // written by `kiosk --enroll`
    std::chrono::seconds pull_every{30};
};

SyncHealth sync_health_of(const sync::SyncState& state);

// The token `kiosk --enroll` wrote, or an error saying how to get one.
Result<std::string> read_token(const std::filesystem::path& token_file);

class SyncConnection {
public:
    using HealthCallback = std::function<void(SyncHealth)>;
    using LogCallback = std::function<void(sync::LogLevel, std::string_view)>;

    // Reads the token, opens a peer connection to the app's database (Store::open_peer), starts the client's
    // thread. `on_health` runs on that thread. `clock` must outlive the link.
    static Result<std::unique_ptr<SyncConnection>> start(const SyncConfig& config,
                                                         const store::Store& database, const Clock& clock,
                                                         HealthCallback on_health, LogCallback on_log,
                                                         std::function<void()> on_pulled = {});
    ~SyncConnection();

    // Thread-safe, never block.
    void notify_event();
    void sync_now();
    void stop();
    // Whether a pull applied changes since the last call (then the caller re-reads its caches).
    bool take_pulled() { return m_pulled->exchange(false); }

private:
    struct Parts;
    SyncConnection(std::unique_ptr<Parts> parts, std::shared_ptr<std::atomic<bool>> pulled);
    std::unique_ptr<Parts> m_parts;
    std::shared_ptr<std::atomic<bool>> m_pulled;
};

} // namespace badgeuse::app
