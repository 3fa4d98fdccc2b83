// The two backends every PortalStore test case runs on, as Catch2 template types: each gives a fresh,
// empty database for one test case (a new SQLite file, or a new database on the test process's private
// PostgreSQL server) and a way to run SQL on it behind the store's back, as an admin would.
#pragma once

#include "badgeuse/portal/database_url.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "pg_server.hpp"
#include "temp_dir.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace badgeuse::testing {

struct SQLite {
    static portal::DatabaseUrl fresh(const TempDir& dir) {
        portal::DatabaseUrl url;
        url.sqlite_path = dir / "portal.sqlite";
        return url;
    }

    // The first column of the first row, as text ("" when there is none).
    static std::string query(const portal::DatabaseUrl& url, const std::string& sql) {
        sqlite3* db = nullptr;
        if (sqlite3_open(url.sqlite_path.c_str(), &db) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot open " + url.sqlite_path.string());
        }
        sqlite3_stmt* statement = nullptr;
        std::string value;
        int code = sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        if (code == SQLITE_OK)
            code = sqlite3_step(statement);
        if (code == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(statement, 0);
            // SQLite's text is unsigned char: the cast reads it as the bytes it is.
            value = text == nullptr ? "" : reinterpret_cast<const char*>(text);
        }
        const std::string message = sqlite3_errmsg(db);
        sqlite3_finalize(statement);
        sqlite3_close(db);
        if (code != SQLITE_ROW && code != SQLITE_DONE)
            throw std::runtime_error("SQL on " + url.sqlite_path.string() + " failed: " + message);
        return value;
    }
};

struct PostgreSQL {
    static portal::DatabaseUrl fresh(const TempDir&) {
        portal::DatabaseUrl url;
        url.backend = portal::DatabaseBackend::Postgres;
        url.postgres_uri = create_pg_database();
        return url;
    }

    static std::string query(const portal::DatabaseUrl& url, const std::string& sql) {
        const std::string rows = pg_query(url.postgres_uri, sql);
        return rows.substr(0, rows.find_first_of("|\n"));
    }
};

} // namespace badgeuse::testing
