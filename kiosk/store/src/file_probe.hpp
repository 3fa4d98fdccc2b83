// Looks at a database file before SQLite opens it, so that a file that is not SQLite is never written.
// SQLite itself would report such a file only at the first query, after the open already created sidecars.
#pragma once

#include "badgeuse/core/result.hpp"

#include <filesystem>

namespace badgeuse::store {

enum class FileState {
    Missing, // SQLite creates it
    Empty,   // zero bytes: SQLite treats it as a new database
    Sqlite,  // starts with the SQLite header; its content is checked once open
};

// An error for a file that cannot be a database: a folder, a short file, or one without the header.
Result<FileState> probe_database_file(const std::filesystem::path& path);

} // namespace badgeuse::store
