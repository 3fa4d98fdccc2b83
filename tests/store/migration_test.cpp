// Opening files: new, older, newer, foreign and damaged ones, and what the open leaves on disk.
#include "badgeuse/store/store.hpp"
#include "badgeuse/store/test_support.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

constexpr std::size_t kPageSize = 4096; // SQLite's default, which the store keeps

std::filesystem::path sidecar(const std::filesystem::path& path, const char* suffix) {
    return std::filesystem::path(path.string() + suffix);
}

// The open must fail, name the file, and leave it exactly as it was.
std::string require_refused_untouched(const std::filesystem::path& path) {
    auto bytes_before = read_bytes(path);
    auto time_before = std::filesystem::last_write_time(path);
    auto opened = Store::open(path);
    REQUIRE_FALSE(opened.ok());
    const std::string message = opened.error().message;
    INFO(message);
    CHECK(message.find(path.string()) != std::string::npos);
    CHECK(read_bytes(path) == bytes_before);
    CHECK(std::filesystem::last_write_time(path) == time_before);
    CHECK_FALSE(std::filesystem::exists(sidecar(path, "-journal")));
    return message;
}

void make_store_with_children(const std::filesystem::path& path, int children) {
    auto store = open_store(path);
    add_sample_people(store);
    auto transaction = require_ok(store.begin_transaction());
    for (int i = 0; i < children; ++i) {
        auto child = sample_child();
        child.id = ChildId{2000 + i};
        require_ok(store.children().upsert(child));
    }
    require_ok(transaction.commit());
}

// A store of several pages, damaged by `damage` on disk, then opened: the open's error message.
template <typename Damage>
std::string damage_and_open(const std::filesystem::path& path, Damage damage) {
    make_store_with_children(path, 400);
    auto bytes = read_bytes(path);
    REQUIRE(bytes.size() > 8 * kPageSize);
    damage(bytes);
    write_bytes(path, bytes);
    return require_refused_untouched(path);
}

} // namespace

TEST_CASE("a missing file is created at the latest schema version") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    auto store = open_store(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(store.compatible_version() == 1);
    CHECK(
        require_ok(test_support::query_text(store, "SELECT value FROM meta WHERE key = 'schema_version'")) ==
        std::to_string(kSchemaVersion));
    CHECK(require_ok(test_support::query_text(
              store, "SELECT value FROM meta WHERE key = 'compatible_version'")) == "1");
    CHECK(require_ok(store.outbox_count()) == 0);
    CHECK(require_ok(store.refused_taps().count()) == 0);
}

TEST_CASE("an empty file is created at the latest schema version") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    write_bytes(path, "");
    auto store = open_store(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(require_ok(store.attendance().count()) == 0);
}

TEST_CASE("the connection uses WAL, full sync, foreign keys and a busy timeout") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    CHECK(require_ok(test_support::query_text(store, "PRAGMA journal_mode")) == "wal");
    CHECK(require_ok(test_support::query_text(store, "PRAGMA synchronous")) == "2"); // FULL
    CHECK(require_ok(test_support::query_text(store, "PRAGMA foreign_keys")) == "1");
    CHECK(std::stoi(require_ok(test_support::query_text(store, "PRAGMA busy_timeout"))) >= 1000);
}

TEST_CASE("a file at schema version 1 is upgraded through every step with its data intact") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        // The oldest version, so that every later step runs on real data.
        auto old = require_ok(test_support::open_at_version(path, 1));
        CHECK(old.schema_version() == 1);
        add_sample_people(old);
        require_ok(old.reservations().add({ChildId{1001}, ActivityId{3}, day(2027, 5, 4)}));
        CHECK(require_ok(old.record_attendance(sample_event(1))) == RecordOutcome::Recorded);
        require_ok(old.set_pull_cursor("page-17"));
        // Version 1 has no refused_tap table: that is what the upgrade adds.
        CHECK_FALSE(old.refused_taps().record({"04A1B2C3", instant_ms(1), "unknown_badge"}).ok());
    }
    auto store = open_store(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(
        require_ok(test_support::query_text(store, "SELECT value FROM meta WHERE key = 'schema_version'")) ==
        std::to_string(kSchemaVersion));
    CHECK(require_ok(test_support::query_text(
              store, "SELECT value FROM meta WHERE key = 'compatible_version'")) == "1");

    auto child = require_ok(store.children().get(ChildId{1001}));
    REQUIRE(child.has_value());
    CHECK(child->authorised_adults == sample_child().authorised_adults);
    CHECK(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2027, 5, 4))));
    CHECK(require_ok(store.attendance().get(uuid_of(1))).has_value());
    CHECK(require_ok(store.outbox_count()) == 1);
    CHECK(require_ok(store.pull_cursor()) == "page-17");
    require_ok(store.refused_taps().record({"04A1B2C3", instant_ms(1), "unknown_badge"}));
    CHECK(require_ok(store.integrity_check()) == "ok");
}

TEST_CASE("a file from a newer build that this one can still use opens without being changed") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto store = open_store(path);
        add_sample_people(store);
        require_ok(test_support::write_schema_versions(store, kSchemaVersion + 1, kSchemaVersion));
    }
    auto store = open_store(path);
    CHECK(store.schema_version() == kSchemaVersion + 1);
    CHECK(store.compatible_version() == kSchemaVersion);
    CHECK(
        require_ok(test_support::query_text(store, "SELECT value FROM meta WHERE key = 'schema_version'")) ==
        std::to_string(kSchemaVersion + 1));
    CHECK(require_ok(store.children().get(ChildId{1001})).has_value());
}

TEST_CASE("a file from a newer build that this one cannot use is refused and left untouched") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto store = open_store(path);
        add_sample_people(store);
        require_ok(test_support::write_schema_versions(store, kSchemaVersion + 3, kSchemaVersion + 2));
    }
    auto message = require_refused_untouched(path);
    CHECK(message.find("written by a newer Badgeuse (schema " + std::to_string(kSchemaVersion + 3) +
                       ", needs code that understands at least " + std::to_string(kSchemaVersion + 2) +
                       "); this build understands schema " + std::to_string(kSchemaVersion) +
                       "; upgrade the kiosk software") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(sidecar(path, "-wal")));
}

TEST_CASE("a file of random bytes is refused and left untouched") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    std::mt19937 random(1234);
    std::string bytes(8192, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random() & 0xFF);
    write_bytes(path, bytes);
    auto message = require_refused_untouched(path);
    CHECK(message.find("not a Badgeuse database") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(sidecar(path, "-wal")));
    CHECK_FALSE(std::filesystem::exists(sidecar(path, "-shm")));
}

TEST_CASE("a text file is refused and left untouched") {
    TempDir dir;
    auto path = dir / "kiosk.toml";
    write_bytes(path, "[store]\npath = \"/var/lib/badgeuse/kiosk.db\"\n");
    auto message = require_refused_untouched(path);
    CHECK(message.find("not a Badgeuse database") != std::string::npos);
}

TEST_CASE("a file with the SQLite header but garbage after it is reported as damaged and left untouched") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    std::string bytes(std::string("SQLite format 3") + '\0');
    bytes.resize(4 * kPageSize, '\x5A');
    write_bytes(path, bytes);
    auto message = require_refused_untouched(path);
    CHECK(message.find("damaged") != std::string::npos);
}

TEST_CASE("a truncated database is reported as damaged and left untouched") {
    TempDir dir;
    auto message = damage_and_open(dir / "kiosk.db", [](std::string& bytes) { bytes.resize(3 * kPageSize); });
    CHECK(message.find("damaged") != std::string::npos);
}

TEST_CASE("a database with an overwritten page is reported as damaged and left untouched") {
    TempDir dir;
    auto message = damage_and_open(dir / "kiosk.db", [](std::string& bytes) {
        const std::size_t middle = bytes.size() / kPageSize / 2 * kPageSize;
        bytes.replace(middle, kPageSize, kPageSize, '\xA5');
    });
    CHECK(message.find("damaged") != std::string::npos);
}

TEST_CASE("an SQLite database of another program is refused and left untouched") {
    TempDir dir;
    auto path = dir / "other.db";
    {
        auto store = open_store(path);
        require_ok(test_support::query_text(store, "DROP TABLE meta"));
    }
    auto message = require_refused_untouched(path);
    CHECK(message.find("not a Badgeuse one") != std::string::npos);
}

TEST_CASE("a database in a folder that does not exist is reported with its path") {
    TempDir dir;
    auto path = dir / "missing" / "kiosk.db";
    auto opened = Store::open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().message.find(path.string()) != std::string::npos);
    CHECK(opened.error().message.find("folder") != std::string::npos);
}

TEST_CASE("opening a file twice in a row neither upgrades nor changes it") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    { auto store = open_store(path); }
    auto bytes_before = read_bytes(path);
    {
        auto store = open_store(path);
        CHECK(store.schema_version() == kSchemaVersion);
    }
    CHECK(read_bytes(path) == bytes_before);
}
