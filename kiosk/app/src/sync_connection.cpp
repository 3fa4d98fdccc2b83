// Building the sync link: token, second Store connection, replica, client; and SyncState → SyncHealth.
#include "badgeuse/app/sync_connection.hpp"

#include "badgeuse/store/store.hpp"
#include "badgeuse/store/store_replica.hpp"

#include <fstream>
#include <optional>
#include <sstream>

namespace badgeuse::app {

struct SyncConnection::Parts {
    std::optional<store::Store> store;
    std::optional<store::StoreReplica> replica;
    std::optional<sync::SyncClient> client;
};

SyncHealth sync_health_of(const sync::SyncState& state) {
    SyncHealth health;
    switch (state.link) {
    case sync::LinkState::Connecting:
        health.link = SyncLink::Connecting;
        break;
    case sync::LinkState::Online:
        health.link = SyncLink::Online;
        break;
    case sync::LinkState::Offline:
        health.link = SyncLink::Offline;
        break;
    }
    health.server = state.server;
    health.offline_since = state.offline_since;
    health.last_sync = state.last_sync;
    health.events_waiting = state.events_waiting;
    health.last_error = state.last_error;
    if (state.clock) {
        health.clock_offset = state.clock->offset;
        health.clock_warning = state.clock->warning();
    }
    return health;
}

Result<std::string> read_token(const std::filesystem::path& token_file) {
    std::ifstream file(token_file);
    if (!file)
        return make_error("no kiosk token at " + token_file.string() +
                          ": enroll the kiosk first (kiosk --enroll CODE --server URL --config kiosk.toml)");
    std::stringstream text;
    text << file.rdbuf();
    std::string token = text.str();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
        token.pop_back();
    if (token.empty() || token.find_first_of(" \t\r\n") != std::string::npos)
        return make_error(token_file.string() +
                          " does not hold a kiosk token: enroll the kiosk again (kiosk --enroll CODE "
                          "--server URL --force)");
    return token;
}

Result<std::unique_ptr<SyncConnection>>
SyncConnection::start(const SyncConfig& config, const store::Store& database, const Clock& clock,
                      HealthCallback on_health, LogCallback on_log, std::function<void()> on_pulled) {
    sync::ClientSettings settings;
    auto url = sync::parse_server_url(config.server);
    if (!url)
        return url.error();
    settings.server = *url;
    settings.ca_file = config.ca;
    settings.token = BADGEUSE_TRY(read_token(config.token_file));
    settings.pull_every = config.pull_every;

    auto parts = std::make_unique<Parts>();
    // The app's Store opened (and upgraded) the file: a peer connection to it, never a second open.
    parts->store.emplace(BADGEUSE_TRY(database.open_peer()));
    parts->replica.emplace(*parts->store);
    sync::ClientCallbacks callbacks;
    callbacks.on_state = [on_health = std::move(on_health)](const sync::SyncState& state) {
        if (on_health)
            on_health(sync_health_of(state));
    };
    callbacks.on_log = std::move(on_log);
    auto pulled = std::make_shared<std::atomic<bool>>(false);
    callbacks.on_pulled = [pulled, on_pulled = std::move(on_pulled)] {
        pulled->store(true);
        if (on_pulled)
            on_pulled();
    };
    parts->client.emplace(std::move(settings), *parts->replica, clock, std::move(callbacks));
    BADGEUSE_CHECK(parts->client->start());
    return std::unique_ptr<SyncConnection>(new SyncConnection(std::move(parts), std::move(pulled)));
}

SyncConnection::SyncConnection(std::unique_ptr<Parts> parts, std::shared_ptr<std::atomic<bool>> pulled)
    : m_parts(std::move(parts))
    , m_pulled(std::move(pulled)) {}

SyncConnection::~SyncConnection() {
    stop();
}

void SyncConnection::notify_event() {
    m_parts->client->notify_event();
}

void SyncConnection::sync_now() {
    m_parts->client->sync_now();
}

void SyncConnection::stop() {
    if (m_parts && m_parts->client)
        m_parts->client->stop();
}

} // namespace badgeuse::app
