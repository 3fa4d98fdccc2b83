// Error text for failed SQLite calls, with advice for the failures an operator can fix.
#include "sqlite_handle.hpp"

#include <string>

namespace badgeuse::store {

std::string_view advice_for(int code) {
    switch (code & 0xFF) {
    case SQLITE_FULL:
        return "the disk is full: free some space on it";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return "the kiosk may not write the file: check its owner and permissions and those of its folder";
    case SQLITE_CANTOPEN:
        return "check that the folder exists and that the kiosk's user may create files in it";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "another program holds the database: stop it (only the kiosk may write this file)";
    case SQLITE_IOERR:
        return "the disk reported an error: check the storage (dmesg) and its free space";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return "the file is damaged: keep it aside (it may hold events not yet sent) and restore a backup "
               "or let the kiosk create a new one";
    default:
        return "";
    }
}

Error sqlite_failure(sqlite3* db, int code, std::string_view what, const std::filesystem::path& path) {
    // The connection's message is more precise than the code's generic text ("no such table: x").
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    std::string message = std::string(what) + " in " + path.string() + ": " + detail + " (SQLite code " +
                          std::to_string(code) + ")";
    if (auto advice = advice_for(code); !advice.empty())
        message += "; " + std::string(advice);
    return make_error(std::move(message));
}

} // namespace badgeuse::store
