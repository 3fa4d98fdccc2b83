// Database: the store's one connection, its cache of prepared statements and its transaction depth.
// Query: a borrowed cached statement that binds, steps, reads columns and resets itself when dropped.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"
#include "badgeuse/store/transaction.hpp"
#include "sqlite_handle.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace badgeuse::store {

// SQL text known at compile time. The cache keys statements by this text without copying it, which is
// only safe for text with static storage: the consteval constructor refuses anything built at run time.
class Sql {
public:
    // Implicit on purpose: every call site passes a literal, and query("SELECT ...") reads best.
    consteval Sql(const char* text)
        : m_text(text) {}
    std::string_view text() const { return m_text; }

private:
    std::string_view m_text;
};

struct CachedStatement {
    StatementHandle handle;
    bool in_use = false;
};

class Database;

class Query {
public:
    Query(Query&& other) noexcept;
    Query& operator=(Query&&) = delete;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();

    // Parameters are numbered from 1 as in the SQL (?1, ?2...). A failed bind is reported by the next
    // step, so that call sites can chain binds.
    Query& bind(int index, std::int64_t value);
    Query& bind(int index, std::string_view value);
    Query& bind(int index, Date value);
    Query& bind(int index, Instant value);
    Query& bind(int index, const Uuid& value); // the nil UUID binds NULL
    template <typename Tag>
    Query& bind(int index, Id<Tag> id) {
        return bind(index, id.value);
    }

    // true with a row to read, false once the statement is done.
    Result<bool> next();
    // Runs the statement to its end and gives the number of rows it inserted, changed or deleted.
    Result<int> execute();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    Result<Date> date(int column) const;
    Instant instant(int column) const;
    Result<Uuid> uuid(int column) const; // NULL reads as the nil UUID

    // The error for a row of `table` that does not decode into its domain type.
    Error unreadable(std::string_view table, const Error& why) const;

private:
    friend class Database;
    Query(Database& db, CachedStatement& entry);
    Error failure(int code) const;

    Database* m_db = nullptr;
    CachedStatement* m_entry = nullptr;
    int m_bind_error = SQLITE_OK;
};

class Database {
public:
    // Opens (or creates) the file; checks, pragmas and migrations are the caller's (Store::open).
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path);
    Database(ConnectionHandle connection, std::filesystem::path path);

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // A cached statement, prepared on first use. Fails if the open transaction was rolled back by SQLite
    // after an error, so that later writes cannot silently commit one by one.
    Result<Query> query(Sql sql);
    // The first column of the first row of a query without parameters, as counts give.
    Result<std::int64_t> query_integer(Sql sql);
    // Runs a script of several statements once, uncached (schema steps, pragmas).
    Result<void> execute_script(std::string_view script, std::string_view what);

    // BEGIN IMMEDIATE at the outermost level, a SAVEPOINT inside an open Transaction.
    Result<Transaction> begin_transaction();
    // For Transaction: ends the transaction at `depth`, which must be the innermost.
    Result<void> commit_level(int depth);
    void roll_back_level(int depth) noexcept;

    const std::filesystem::path& path() const { return m_path; }
    sqlite3* handle() const { return m_connection.get(); }
    // Called after each outermost COMMIT that inserted an outbox row (SQLite's update hook notices the
    // insert): the sync client's cue to push. Runs on the writer's thread, once the data is on disk.
    void set_outbox_listener(std::function<void()> listener);
    // Builds the error for a failed SQLite call and remembers its code (see last_failure).
    Error failure(int code, std::string_view what);
    // The result code of the latest failure reported through failure(), SQLITE_OK if none.
    int last_failure() const { return m_last_failure; }

private:
    Result<CachedStatement*> statement(Sql sql);
    Result<void> run_control(Sql sql);
    bool transaction_lost() const;

    std::filesystem::path m_path;
    // Declared before the cache so that every statement is finalised before the connection closes.
    ConnectionHandle m_connection;
    std::unordered_map<std::string_view, CachedStatement> m_statements;
    int m_last_failure = SQLITE_OK;
    int m_depth = 0; // open Transactions: 0 none, 1 the BEGIN, more are savepoints
    std::function<void()> m_outbox_listener;
    bool m_outbox_written = false; // an outbox row was inserted in the open transaction
};

} // namespace badgeuse::store
