// Reading the meta table, refusing files from newer builds, and running the schema steps.
#include "migrations.hpp"

#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "schema_steps.hpp"

#include <string>

namespace badgeuse::store {
namespace {

constexpr std::string_view kSchemaVersionKey = "schema_version";
constexpr std::string_view kCompatibleVersionKey = "compatible_version";

Result<int> read_version(Database& db, std::string_view key) {
    auto query =
        BADGEUSE_TRY(db.query("SELECT value FROM meta WHERE key = ?1 AND typeof(value) = 'integer'"));
    query.bind(1, key);
    if (!BADGEUSE_TRY(query.next()))
        return make_error(db.path().string() + " has a meta table without a whole number for '" +
                          std::string(key) +
                          "': it is damaged or was edited by hand. The file was left untouched; restore a "
                          "backup or move it aside");
    return static_cast<int>(query.int64(0));
}

Result<void> write_version(Database& db, std::string_view key, int value) {
    auto query = BADGEUSE_TRY(db.query("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    BADGEUSE_TRY(query.bind(1, key).bind(2, std::int64_t{value}).execute());
    return {};
}

Result<void> apply_step(Database& db, const SchemaStep& step) {
    auto transaction = BADGEUSE_TRY(db.begin_transaction());
    BADGEUSE_CHECK(db.execute_script(step.script,
                                     "cannot upgrade the schema to version " + std::to_string(step.version)));
    BADGEUSE_CHECK(write_version(db, kSchemaVersionKey, step.version));
    BADGEUSE_CHECK(write_version(db, kCompatibleVersionKey, step.compatible_version));
    return transaction.commit();
}

Result<SchemaVersions> apply_steps(Database& db, int from, int target) {
    SchemaVersions reached{from, 0};
    for (const SchemaStep& step : schema_steps()) {
        if (step.version <= from || step.version > target)
            continue;
        BADGEUSE_CHECK(apply_step(db, step));
        reached = {step.version, step.compatible_version};
    }
    return reached;
}

} // namespace

Result<std::optional<SchemaVersions>> read_schema_versions(Database& db) {
    if (BADGEUSE_TRY(db.query_integer("SELECT count(*) FROM sqlite_schema")) == 0)
        return std::optional<SchemaVersions>{};
    if (BADGEUSE_TRY(db.query_integer(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")) == 0)
        return make_error(
            db.path().string() +
            " is an SQLite database but not a Badgeuse one (it has no meta table). The file was "
            "left untouched; point the kiosk at another path");
    SchemaVersions found;
    found.schema = BADGEUSE_TRY(read_version(db, kSchemaVersionKey));
    found.compatible = BADGEUSE_TRY(read_version(db, kCompatibleVersionKey));
    if (found.schema < 1 || found.compatible < 1 || found.compatible > found.schema)
        return make_error(
            db.path().string() + " claims schema " + std::to_string(found.schema) + " compatible with " +
            std::to_string(found.compatible) +
            ", which no Badgeuse writes: it is damaged or was edited by hand. The file was left "
            "untouched; restore a backup or move it aside");
    return std::optional<SchemaVersions>{found};
}

Result<void> check_usable(Database& db, const SchemaVersions& found) {
    if (found.compatible <= kSchemaVersion)
        return {};
    return make_error(db.path().string() + " was written by a newer Badgeuse (schema " +
                      std::to_string(found.schema) + ", needs code that understands at least " +
                      std::to_string(found.compatible) + "); this build understands schema " +
                      std::to_string(kSchemaVersion) +
                      "; upgrade the kiosk software. The file was left untouched");
}

Result<SchemaVersions> migrate(Database& db, std::optional<SchemaVersions> found, int target) {
    if (!found) {
        // A new file is built in one transaction: interrupted, it stays empty and is built anew next time.
        auto transaction = BADGEUSE_TRY(db.begin_transaction());
        auto reached = BADGEUSE_TRY(apply_steps(db, 0, target));
        BADGEUSE_CHECK(transaction.commit());
        return reached;
    }
    if (found->schema >= target)
        return *found;
    return apply_steps(db, found->schema, target);
}

} // namespace badgeuse::store
