// A small RAII layer over libpq for the portal store: one connection, parameterised queries (prepared
// once per connection and reused), rows read as text, transactions that roll back unless committed,
// and errors that name the database. Private to sync/portal.
#pragma once

#include "badgeuse/core/result.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace badgeuse::portal::pg {

struct ConnectionCloser {
    void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};

// One query parameter in libpq's text format; the SQL says its type where PostgreSQL cannot infer it.
class Param {
public:
    Param(std::int64_t value)
        : m_text(std::to_string(value)) {}
    Param(int value)
        : m_text(std::to_string(value)) {}
    Param(std::string_view value)
        : m_text(std::string(value)) {}
    Param(const std::string& value)
        : m_text(value) {}
    Param(const char* value)
        : m_text(std::string(value)) {}
    static Param null() { return Param(); }

    const char* c_str() const { return m_text ? m_text->c_str() : nullptr; }

private:
    Param() = default;
    std::optional<std::string> m_text;
};

// The rows of one query's answer.
class Rows {
public:
    explicit Rows(PGresult* result)
        : m_result(result) {}

    int size() const { return PQntuples(m_result.get()); }
    bool empty() const { return size() == 0; }
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const; // 0 for NULL
    bool is_null(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }
    // The number of rows an INSERT, UPDATE or DELETE touched.
    std::int64_t affected() const;

private:
    std::unique_ptr<PGresult, ResultClearer> m_result;
};

class Connection {
public:
    // `uri` is a libpq connection URI (postgresql://user@host:port/database?options).
    static Result<Connection> open(const std::string& uri);

    // Runs one statement with $1, $2... parameters; the statement is prepared on first use.
    Result<Rows> query(const std::string& sql, std::initializer_list<Param> params = {});
    // Runs a script of statements without parameters (the schema).
    Result<void> execute(const std::string& script);

    // The URL without its password, for messages.
    const std::string& where() const { return m_where; }

private:
    Connection(PGconn* connection, std::string where);
    Result<void> ensure_connected();
    Result<std::string> prepared(const std::string& sql);
    template <typename Attempt>
    auto with_reconnect(Attempt&& attempt) -> decltype(attempt());
    Error failure(const PGresult* result, std::string_view what) const;

    std::unique_ptr<PGconn, ConnectionCloser> m_connection;
    std::string m_where;
    std::unordered_map<std::string, std::string> m_statements; // SQL -> prepared statement name
};

// A text[] parameter in PostgreSQL's array syntax, every element quoted: {"a","say \"hi\""}.
std::string text_array(const std::vector<std::string>& values);

// Serialises the portal's writers (see postgres_portal_store.cpp): every writing transaction takes the
// same advisory lock before it reads anything it will decide on.
enum class Lock { Writers, None };

// Rolls back unless commit() was called: an early return through BADGEUSE_TRY leaves nothing written.
class Transaction {
public:
    static Result<Transaction> begin(Connection& connection, Lock lock);
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

} // namespace badgeuse::portal::pg
