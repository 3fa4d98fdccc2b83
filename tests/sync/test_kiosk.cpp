#include "test_kiosk.hpp"

#include "badgeuse/core/paris_time.hpp"
#include "must.hpp"

#include <catch2/catch.hpp>

namespace badgeuse::sync_tests {

using namespace std::chrono_literals;
using testing::must;

Result<std::vector<protocol::Event>> RecordingReplica::events_waiting(std::size_t limit) {
    return m_real->events_waiting(limit);
}

Result<std::int64_t> RecordingReplica::events_waiting_count() {
    return m_real->events_waiting_count();
}

Result<std::size_t> RecordingReplica::acknowledge(std::span<const protocol::EventResult> results) {
    return m_real->acknowledge(results);
}

Result<std::int64_t> RecordingReplica::cursor() {
    return m_real->cursor();
}

Result<void> RecordingReplica::apply_page(const protocol::PullResponse& page) {
    {
        std::lock_guard lock(m_mutex);
        m_applied.push_back(page.changes.size());
    }
    return m_real->apply_page(page);
}

std::vector<std::size_t> RecordingReplica::applied() const {
    std::lock_guard lock(m_mutex);
    return m_applied;
}

TestKiosk::TestKiosk()
    : m_path(m_dir / "kiosk.sqlite")
    , m_app(must(store::Store::open(m_path)))
    , m_sync(must(m_app.open_peer()))
    , m_replica(m_sync)
    , m_recording(m_replica) {}

TestKiosk::~TestKiosk() {
    if (m_client)
        m_client->stop();
}

void TestKiosk::start(sync::ClientSettings settings) {
    sync::ClientCallbacks callbacks;
    callbacks.on_state = [this](const sync::SyncState& state) {
        std::lock_guard lock(m_mutex);
        m_states.push_back(state);
    };
    m_client = std::make_unique<sync::SyncClient>(std::move(settings), m_recording, m_clock, callbacks);
    m_app.set_outbox_listener([this] { m_client->notify_event(); });
    auto started = m_client->start();
    INFO((started.ok() ? std::string("ok") : started.error().message));
    REQUIRE(started.ok());
}

sync::SyncState TestKiosk::last_state() {
    std::lock_guard lock(m_mutex);
    return m_states.empty() ? sync::SyncState{} : m_states.back();
}

std::int64_t TestKiosk::outbox() {
    return must(m_app.outbox_count());
}

std::int64_t TestKiosk::children() {
    return static_cast<std::int64_t>(must(m_app.children().list()).size());
}

std::int64_t TestKiosk::families() {
    return static_cast<std::int64_t>(must(m_app.families().list()).size());
}

sync::ClientSettings settings_for(std::uint16_t port, const std::filesystem::path& ca, std::string token) {
    sync::ClientSettings settings;
    settings.server = must(sync::parse_server_url("https://127.0.0.1:" + std::to_string(port)));
    settings.ca_file = ca;
    settings.token = std::move(token);
    settings.pull_every = 60s;
    settings.request_timeout = 5s;
    settings.backoff = {200ms, 1000ms};
    return settings;
}

AttendanceEvent arrival(const testing::SeededSite& site, int n, std::uint8_t marker) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[0] = marker;
    bytes[14] = static_cast<std::uint8_t>(n >> 8);
    bytes[15] = static_cast<std::uint8_t>(n);
    AttendanceEvent event;
    event.id = Uuid::from_random_bytes(bytes);
    event.child = site.children[static_cast<std::size_t>(n) % site.children.size()];
    event.activity = site.canteen;
    event.day = add_days(*parse_date("2026-11-02"), n / 3);
    event.at = *paris::parse_iso8601(format_date(event.day) + "T11:40:00+01:00");
    event.badge_uid = badge_of_child(n % 3);
    return event;
}

} // namespace badgeuse::sync_tests
