// database.url of portal.toml: which backend holds the portal's data and where. SQLite is the default
// (a file); PostgreSQL is named by a libpq connection URI.
#pragma once

#include "badgeuse/core/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace badgeuse::portal {

enum class DatabaseBackend { Sqlite, Postgres };

struct DatabaseUrl {
    DatabaseBackend backend = DatabaseBackend::Sqlite;
    std::filesystem::path sqlite_path; // Sqlite: the database file
    std::string postgres_uri;          // Postgres: the URI as written, handed to libpq

    // For messages and logs: the file, or the URI with its password hidden.
    std::string display() const;
};

// Reads "sqlite:///absolute/path", "sqlite://path/relative/to/base", or a libpq URI beginning
// "postgresql://" or "postgres://" (postgresql://user:password@host:5432/database?sslmode=require,
// postgresql:///database?host=/run/postgresql). Any other form is an error saying what was expected.
Result<DatabaseUrl> parse_database_url(std::string_view text, const std::filesystem::path& base);

// The URI with "user:password@" shown as "user:***@", for messages.
std::string uri_without_password(std::string_view uri);

} // namespace badgeuse::portal
