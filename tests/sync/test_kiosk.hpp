// The kiosk's side of the sync tests, wired as the executable wires it: the app's Store, the client's
// peer Store on the same file with the replica over it (what the client asks of the replica is written
// down on the way), and the sync client with its last states.
#pragma once

#include "badgeuse/store/store.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "support/portal_fixture.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace badgeuse::sync_tests {

// The kiosk's real replica, recording the size of each page (or batch of pages) the client applies.
class RecordingReplica final : public sync::Replica {
public:
    explicit RecordingReplica(sync::Replica& real)
        : m_real(&real) {}

    Result<std::vector<protocol::Event>> events_waiting(std::size_t limit) override;
    Result<std::int64_t> events_waiting_count() override;
    Result<std::size_t> acknowledge(std::span<const protocol::EventResult> results) override;
    Result<std::int64_t> cursor() override;
    Result<void> apply_page(const protocol::PullResponse& page) override;

    // The number of changes in each transaction applied, in order.
    std::vector<std::size_t> applied() const;

private:
    sync::Replica* m_real;
    mutable std::mutex m_mutex;
    std::vector<std::size_t> m_applied;
};

class TestKiosk {
public:
    TestKiosk();
    ~TestKiosk();
    TestKiosk(const TestKiosk&) = delete;
    TestKiosk& operator=(const TestKiosk&) = delete;

    void start(sync::ClientSettings settings);

    store::Store& app_store() { return m_app; }
    sync::SyncClient& client() { return *m_client; }
    const RecordingReplica& recording() const { return m_recording; }
    sync::SyncState last_state();
    std::int64_t outbox();
    std::int64_t children();
    std::int64_t families();

private:
    testing::TempDir m_dir;
    std::filesystem::path m_path;
    store::Store m_app;
    store::Store m_sync;
    store::StoreReplica m_replica;
    RecordingReplica m_recording;
    WallClock m_clock;
    std::mutex m_mutex;
    std::vector<sync::SyncState> m_states;
    std::unique_ptr<sync::SyncClient> m_client;
};

// The client's settings for a portal on loopback: a pull a minute (longer than any test, so that a push
// comes from notify_event), short timeouts and backoff.
sync::ClientSettings settings_for(std::uint16_t port, const std::filesystem::path& ca, std::string token);

// The seeded site's arrival number n at the canteen (a child and a day per n), its id marked by `marker`
// so that two tests' events never share one.
AttendanceEvent arrival(const testing::SeededSite& site, int n, std::uint8_t marker = 0x5C);

} // namespace badgeuse::sync_tests
