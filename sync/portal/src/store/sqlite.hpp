// A small RAII layer over SQLite for the portal store: one connection, statements that bind, step and
// read columns, and errors that name the database file. Private to sync/portal.
#pragma once

#include "badgeuse/core/result.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace badgeuse::portal::sqlite {

struct ConnectionCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

enum class Row { Ready, Done };

class Statement {
public:
    Statement(sqlite3_stmt* statement, std::string where);

    // Parameters are numbered from 1 as in the SQL (?1, ?2...). A failed bind is reported by step().
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);

    Result<Row> step();
    // Runs to the end; the number of rows changed.
    Result<int> run();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    bool is_null(int column) const;

private:
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_statement;
    std::string m_where;
    int m_bind_error = SQLITE_OK;
};

enum class Create { IfMissing, Never };

class Connection {
public:
    static Result<Connection> open(const std::filesystem::path& path, Create create);

    Result<Statement> prepare(std::string_view sql);
    Result<void> execute(std::string_view sql); // one or more statements without parameters
    std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(m_db.get()); }
    const std::filesystem::path& path() const { return m_path; }

private:
    Connection(sqlite3* db, std::filesystem::path path);
    std::unique_ptr<sqlite3, ConnectionCloser> m_db;
    std::filesystem::path m_path;
};

// Rolls back unless commit() was called: an early return through BADGEUSE_TRY leaves nothing written.
class Transaction {
public:
    static Result<Transaction> begin(Connection& connection);
    Transaction(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Connection& connection)
        : m_connection(&connection) {}
    Connection* m_connection;
    bool m_open = true;
};

} // namespace badgeuse::portal::sqlite
