// Opening the store: look at the file, open it, check it, refuse what this build cannot use, then
// switch to WAL and migrate. Nothing is written to the file before every check has passed.
#include "badgeuse/store/store.hpp"

#include "database.hpp"
#include "file_probe.hpp"
#include "migrations.hpp"

#include <string>

namespace badgeuse::store {
namespace {

// Long enough to outlast a checkpoint or another process's short read (a backup tool, sqlite3 CLI);
// short enough that a kiosk stuck on a lock says so while someone is still looking at it.
constexpr int kBusyTimeoutMs = 5000;

// synchronous=FULL: a commit returns only once the WAL is synced, so a verdict shown after it survives a
// power cut. cache_size (in KiB when negative): a year of a large town's events has indexes of tens of
// MB, and with SQLite's 2 MB default a bulk load spends its time evicting and re-reading them (30 s
// rather than 17 s for a million events). temp_store=MEMORY: savepoint and statement journals stay in
// memory instead of a temporary file written page by page; they are only needed until the commit.
// wal_autocheckpoint=8192 pages (32 MiB): a check-in dirties about seven pages, and with SQLite's
// default of 1000 every 140th tap of a canteen rush paid for copying the WAL into the database and
// syncing it. The kiosk calls checkpoint() when it is idle instead, and this is the bound meanwhile.
constexpr const char* kConnectionSettings = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                                            "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; "
                                            "PRAGMA wal_autocheckpoint = 8192;";

Result<void> configure_connection(Database& db) {
    sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
    // Connection settings only: none of these writes to the file.
    return db.execute_script(kConnectionSettings, "cannot configure the connection");
}

Error damaged(const std::filesystem::path& path, std::string_view what) {
    return make_error(
        path.string() + " is damaged (" + std::string(what) +
        "). The file was left untouched; keep a copy (it may hold attendance not yet sent to the "
        "portal), then restore a backup or move it away so that the kiosk creates a new database "
        "and pulls its data from the portal again");
}

bool is_damage(int code) {
    return (code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB;
}

// A failure while checking is damage only if SQLite says so; a lock or a permission is reported as is.
Error check_failed(Database& db, const Error& error) {
    if (is_damage(db.last_failure()))
        return damaged(db.path(), std::string("SQLite: ") + sqlite3_errmsg(db.handle()));
    return error;
}

// quick_check rather than integrity_check: it checks every page and b-tree but not that indexes match
// their tables, which is the slow part and not what a torn write or a truncated copy breaks.
Result<void> verify_integrity(Database& db) {
    auto query = db.query("PRAGMA quick_check(5)");
    if (!query)
        return check_failed(db, query.error());
    std::string problems;
    for (;;) {
        auto row = query->next();
        if (!row)
            return check_failed(db, row.error());
        if (!*row)
            break;
        std::string line = query->text(0);
        if (line != "ok")
            problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty())
        return damaged(db.path(), "SQLite's check found: " + problems);
    return {};
}

Result<void> use_write_ahead_log(Database& db) {
    auto query = BADGEUSE_TRY(db.query("PRAGMA journal_mode = WAL"));
    BADGEUSE_TRY(query.next());
    if (auto mode = query.text(0); mode != "wal")
        return make_error("cannot switch " + db.path().string() + " to write-ahead logging (SQLite kept '" +
                          mode + "'): put the database on a local disk, not a network share");
    return {};
}

} // namespace

Store::Store(std::unique_ptr<Database> db, int schema_version, int compatible_version)
    : m_db(std::move(db))
    , m_schema_version(schema_version)
    , m_compatible_version(compatible_version)
    , m_sites(*m_db)
    , m_activities(*m_db)
    , m_families(*m_db)
    , m_guardians(*m_db)
    , m_children(*m_db)
    , m_staff(*m_db)
    , m_badges(*m_db)
    , m_reservations(*m_db)
    , m_absences(*m_db)
    , m_attendance(*m_db)
    , m_closed_periods(*m_db)
    , m_refused_taps(*m_db)
    , m_booking_intents(*m_db)
    , m_pins(*m_db)
    , m_absence_declarations(*m_db)
    , m_badge_assignments(*m_db)
    , m_pin_changes(*m_db) {}

Store::Store(Store&& other) noexcept = default;
Store& Store::operator=(Store&& other) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::filesystem::path& path, IntegrityCheck check) {
    return open_at(path, check, kSchemaVersion);
}

Result<Store> Store::open_at(const std::filesystem::path& path, IntegrityCheck check, int target_version) {
    BADGEUSE_TRY(probe_database_file(path));
    auto db = BADGEUSE_TRY(Database::open(path));
    BADGEUSE_CHECK(configure_connection(*db));
    if (check == IntegrityCheck::Quick)
        BADGEUSE_CHECK(verify_integrity(*db));
    auto read = read_schema_versions(*db);
    if (!read)
        return check_failed(*db, read.error());
    auto found = std::move(read).value();
    if (found)
        BADGEUSE_CHECK(check_usable(*db, *found));
    BADGEUSE_CHECK(use_write_ahead_log(*db));
    auto reached = BADGEUSE_TRY(migrate(*db, found, target_version));
    return Store(std::move(db), reached.schema, reached.compatible);
}

Result<Store> Store::open_peer() const {
    auto db = BADGEUSE_TRY(Database::open(path()));
    BADGEUSE_CHECK(configure_connection(*db));
    return Store(std::move(db), m_schema_version, m_compatible_version);
}

const std::filesystem::path& Store::path() const {
    return m_db->path();
}

Result<Transaction> Store::begin_transaction() {
    return m_db->begin_transaction();
}

Result<void> Store::checkpoint() {
    // PASSIVE: copies what it can without waiting for readers; the kiosk has no other reader anyway.
    return m_db->execute_script("PRAGMA wal_checkpoint(PASSIVE);", "cannot checkpoint the write-ahead log");
}

Result<std::string> Store::integrity_check() {
    auto query = BADGEUSE_TRY(m_db->query("PRAGMA integrity_check(10)"));
    std::string report;
    while (BADGEUSE_TRY(query.next()))
        report += (report.empty() ? "" : "; ") + query.text(0);
    return report;
}

} // namespace badgeuse::store
