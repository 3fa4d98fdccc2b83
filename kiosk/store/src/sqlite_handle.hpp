// RAII owners of SQLite's C handles, and the error text the store builds from a failed SQLite call.
// Private to the store: nothing outside kiosk/store includes <sqlite3.h>.
#pragma once

#include "badgeuse/core/result.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string_view>

namespace badgeuse::store {

struct ConnectionCloser {
    // close_v2 rather than close: a statement still alive would otherwise make closing fail and leak
    // the connection; with v2 SQLite closes it as soon as the last statement is finalised.
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

using ConnectionHandle = std::unique_ptr<sqlite3, ConnectionCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// What an operator can do about a failure with that result code, or "" when nothing obvious.
std::string_view advice_for(int code);

// "<what> in <path>: <SQLite's message> (SQLite code N); <advice>". `db` may be null.
Error sqlite_failure(sqlite3* db, int code, std::string_view what, const std::filesystem::path& path);

} // namespace badgeuse::store
