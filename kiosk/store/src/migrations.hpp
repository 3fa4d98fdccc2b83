// Schema versions and migrations, in the manner of Chromium's sql::MetaTable: the meta table holds the
// file's schema_version and compatible_version (the oldest code schema that can still use the file).
#pragma once

#include "badgeuse/core/result.hpp"

#include <optional>

namespace badgeuse::store {

class Database;

struct SchemaVersions {
    int schema = 0;
    int compatible = 0;
};

// The versions of the open file, nullopt for a file with no table yet (new or empty). Only reads.
// A SQLite file that is not a Badgeuse database, or whose meta table is unreadable, is an error.
Result<std::optional<SchemaVersions>> read_schema_versions(Database& db);

// Refuses a file written by a build newer than this one and not compatible with it. Only reads.
Result<void> check_usable(Database& db, const SchemaVersions& found);

// Brings the file to `target` (at most kSchemaVersion): a new file in one transaction, an older one
// in one transaction per step, so that an interrupted upgrade restarts from the last finished step.
// A file at `target` or newer is left alone. Returns the file's versions afterwards.
Result<SchemaVersions> migrate(Database& db, std::optional<SchemaVersions> found, int target);

} // namespace badgeuse::store
