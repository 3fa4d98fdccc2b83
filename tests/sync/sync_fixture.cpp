// The sync tests' helpers (sync_fixture.hpp).
#include "sync_fixture.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <thread>

namespace badgeuse::sync_tests {

std::string badge_of_child(int i) {
    char text[9];
    std::snprintf(text, sizeof text, "0A%06X", i + 1);
    return text;
}

testing::PortalFixtureOptions portal_options(const std::string& clock_start) {
    testing::PortalFixtureOptions options;
    options.executable = BADGEUSE_PORTAL_EXE;
    options.children = 3;
    options.kiosk_codes = 2;
    options.clock_start = clock_start;
    options.extra_seed = [](portal::PortalStore& store, const testing::SeededSite& site) {
        std::vector<portal::Write> badges;
        for (std::size_t i = 0; i < site.children.size(); ++i)
            badges.push_back(
                {protocol::ChangeKind::Upsert, Badge{badge_of_child(static_cast<int>(i)), HolderKind::Child,
                                                     site.children[i].value, BadgeState::Active}});
        auto written = store.commit(site.site, badges);
        if (!written)
            throw std::runtime_error("seeding badges: " + written.error().message);
    };
    return options;
}

std::map<std::string, int> portal_event_ids(const std::filesystem::path& database) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    std::map<std::string, int> ids;
    if (sqlite3_prepare_v2(db, "SELECT id FROM events", -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW)
            ++ids[reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))];
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return ids;
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (done())
            return true;
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
}

} // namespace badgeuse::sync_tests
