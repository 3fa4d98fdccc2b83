// A kiosk whose clock runs ten minutes slow: a parent books Thursday's meal at 10:05 on Tuesday by the
// portal's clock, which the kiosk shows as 09:55. The kiosk measured the offset, so the booking reaches the
// portal with its time on the portal's clock and is refused as too late: the deadline is the portal's.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "must.hpp"
#include "support/portal_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <thread>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;

namespace {

// The wall clock moved by a fixed amount: the portal's --clock-start, minus ten minutes.
class ShiftedTime final : public Clock {
public:
    explicit ShiftedTime(Instant start)
        : m_shift(start - system_now()) {}
    Instant now() const override { return system_now() + m_shift; }

private:
    static Instant system_now() {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
    std::chrono::milliseconds m_shift;
};

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

// The portal's decision on one event, read from its database: "outcome reason", or "" while absent.
std::string portal_decision(const std::filesystem::path& database, const std::string& id) {
    sqlite3* db = nullptr;
    std::string decision;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT outcome, reason FROM events WHERE id = ?1", -1, &statement,
                               nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, id.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(statement) == SQLITE_ROW)
                decision = std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) +
                           " " + reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return decision;
}

} // namespace

TEST_CASE("a kiosk ten minutes slow books at 09:55 by its clock, 10:05 by the portal's: refused too late") {
    TempDir dir;
    PortalFixtureOptions options;
    options.executable = BADGEUSE_PORTAL_EXE;
    options.clock_start = "2026-12-08T10:05:00"; // Tuesday; Thursday's deadline was 10:00 today
    PortalFixture portal(dir.path() / "portal", options);
    const std::string token = portal.enroll("préau");

    const Instant portal_start = *paris::parse_iso8601("2026-12-08T10:05:00+01:00");
    ShiftedTime kiosk_clock(portal_start - 10min);
    auto db = dir.path() / "kiosk.sqlite";
    store::Store app = must(store::Store::open(db));
    store::Store sync_side = must(app.open_peer());
    store::StoreReplica replica(sync_side);
    sync::ClientSettings settings;
    settings.server = must(sync::parse_server_url("https://127.0.0.1:" + std::to_string(portal.port())));
    settings.ca_file = *portal.ca();
    settings.token = token;
    settings.pull_every = 1s;
    sync::SyncClient client(settings, replica, kiosk_clock, {});
    app.set_outbox_listener([&] { client.notify_event(); });
    REQUIRE(client.start().ok());

    // The first pull brings the site's children; the clock offset is read on the same cycle.
    const ChildId child = portal.site().children.front();
    REQUIRE(eventually([&] { return must(app.children().get(child)).has_value(); }, 30s));
    const Child pulled = *must(app.children().get(child));

    store::BookingIntent intent;
    intent.id = *Uuid::parse("0b9e5c1a-7d2f-4e3b-8a6c-5f4e3d2c1b0a");
    intent.family = pulled.family;
    intent.child = child;
    intent.activity = portal.site().canteen;
    intent.day = *parse_date("2026-12-10");
    intent.made_at = kiosk_clock.now();
    // By the kiosk's own clock the parent was in time.
    REQUIRE(paris::format_hhmm(intent.made_at) < "10:00");
    REQUIRE(must(app.record_booking_intent(intent)) == store::RecordOutcome::Recorded);

    std::string decision;
    REQUIRE(eventually(
        [&] {
            decision = portal_decision(portal.database(), intent.id.to_string());
            return !decision.empty();
        },
        30s));
    client.stop();
    CHECK(decision == "refused too_late");
}
