// The portal's libpq layer. Every error names the database (without its password) and PostgreSQL's own
// message with its SQLSTATE, so that an operator reading the log knows which server and what went wrong.
#include "postgres_connection.hpp"

#include "badgeuse/portal/database_url.hpp"

#include <charconv>
#include <vector>

namespace badgeuse::portal::pg {
namespace {

// libpq's messages end with a newline and may span lines; a log line wants one.
std::string one_line(std::string_view text) {
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            if (!line.empty() && line.back() != ' ')
                line += "; ";
        } else {
            line += c;
        }
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == ';'))
        line.pop_back();
    return line;
}

// libpq prints NOTICEs (such as "relation already exists, skipping") on stderr by default: the portal
// has nothing to tell an operator about them.
void ignore_notice(void*, const char*) {}

} // namespace

std::string text_array(const std::vector<std::string>& values) {
    std::string array = "{";
    for (const std::string& value : values) {
        if (array.size() > 1)
            array += ',';
        array += '"';
        for (char c : value) {
            if (c == '"' || c == '\\')
                array += '\\';
            array += c;
        }
        array += '"';
    }
    array += '}';
    return array;
}

std::string Rows::text(int row, int column) const {
    const char* value = PQgetvalue(m_result.get(), row, column);
    const int size = PQgetlength(m_result.get(), row, column);
    return value == nullptr ? std::string() : std::string(value, static_cast<std::size_t>(size));
}

std::int64_t Rows::int64(int row, int column) const {
    const char* value = PQgetvalue(m_result.get(), row, column);
    const int size = PQgetlength(m_result.get(), row, column);
    std::int64_t number = 0;
    if (value != nullptr)
        std::from_chars(value, value + size, number);
    return number;
}

std::int64_t Rows::affected() const {
    std::int64_t number = 0;
    const std::string_view text = PQcmdTuples(m_result.get());
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

Connection::Connection(PGconn* connection, std::string where)
    : m_connection(connection)
    , m_where(std::move(where)) {}

Result<Connection> Connection::open(const std::string& uri) {
    std::string where = uri_without_password(uri);
    std::unique_ptr<PGconn, ConnectionCloser> connection(PQconnectdb(uri.c_str()));
    if (!connection)
        return make_error("cannot connect to PostgreSQL at " + where + ": out of memory");
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        const std::string message = one_line(PQerrorMessage(connection.get()));
        std::string hint;
        if (message.find("does not exist") != std::string::npos &&
            message.find("database") != std::string::npos)
            hint = "; create the database first (createdb, as the postgres user) or fix database.url";
        else if (message.find("Connection refused") != std::string::npos ||
                 message.find("No such file or directory") != std::string::npos ||
                 message.find("could not translate host name") != std::string::npos)
            hint = "; is PostgreSQL running there? check database.url's host and port";
        else if (message.find("authentication") != std::string::npos ||
                 message.find("password") != std::string::npos)
            hint = "; check the user and password in database.url (or ~/.pgpass)";
        return make_error("cannot connect to PostgreSQL at " + where + ": " + message + hint);
    }
    PQsetNoticeProcessor(connection.get(), ignore_notice, nullptr);
    return Connection(connection.release(), std::move(where));
}

Error Connection::failure(const PGresult* result, std::string_view what) const {
    std::string message = "PostgreSQL at " + m_where + ": " + std::string(what) + ": ";
    const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    message += one_line(primary != nullptr ? primary : PQerrorMessage(m_connection.get()));
    if (const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr)
        message += std::string(" (SQLSTATE ") + state + ")";
    if (PQstatus(m_connection.get()) == CONNECTION_BAD)
        message += "; the connection to the server was lost";
    return make_error(std::move(message));
}

Result<void> Connection::ensure_connected() {
    if (PQstatus(m_connection.get()) != CONNECTION_BAD)
        return {};
    PQreset(m_connection.get());
    m_statements.clear(); // they lived in the old server session
    if (PQstatus(m_connection.get()) != CONNECTION_OK)
        return make_error("PostgreSQL at " + m_where +
                          ": the connection was lost and cannot be made again: " +
                          one_line(PQerrorMessage(m_connection.get())));
    return {};
}

Result<std::string> Connection::prepared(const std::string& sql) {
    if (auto found = m_statements.find(sql); found != m_statements.end())
        return found->second;
    std::string name = "s" + std::to_string(m_statements.size() + 1);
    std::unique_ptr<PGresult, ResultClearer> result(
        PQprepare(m_connection.get(), name.c_str(), sql.c_str(), 0, nullptr));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        return failure(result.get(), "cannot prepare \"" + sql.substr(0, 60) + "\"");
    m_statements.emplace(sql, name);
    return name;
}

// A server that restarted, or closed an idle session, drops the connection: libpq learns it on the
// next statement. Between transactions that statement runs once more on a new connection, since
// nothing was under way; inside one the caller gets the error, as the transaction's work is gone.
// (The one write the store makes outside a transaction, record_contact, is an upsert: running it twice
// is harmless if its first answer was lost with the connection.)
template <typename Attempt>
auto Connection::with_reconnect(Attempt&& attempt) -> decltype(attempt()) {
    BADGEUSE_CHECK(ensure_connected());
    const bool between_transactions = PQtransactionStatus(m_connection.get()) == PQTRANS_IDLE;
    auto result = attempt();
    if (result.ok() || !between_transactions || PQstatus(m_connection.get()) != CONNECTION_BAD)
        return result;
    if (!ensure_connected().ok())
        return result;
    return attempt();
}

Result<Rows> Connection::query(const std::string& sql, std::initializer_list<Param> params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& param : params)
        values.push_back(param.c_str());
    return with_reconnect([&]() -> Result<Rows> {
        const std::string name = BADGEUSE_TRY(prepared(sql));
        PGresult* raw = PQexecPrepared(m_connection.get(), name.c_str(), static_cast<int>(values.size()),
                                       values.data(), nullptr, nullptr, 0);
        Rows rows(raw);
        const ExecStatusType status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
            return failure(raw, "\"" + sql.substr(0, 60) + "\"");
        return rows;
    });
}

Result<void> Connection::execute(const std::string& script) {
    return with_reconnect([&]() -> Result<void> {
        std::unique_ptr<PGresult, ResultClearer> result(PQexec(m_connection.get(), script.c_str()));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return failure(result.get(), "\"" + script.substr(0, 60) + "\"");
        return {};
    });
}

Result<Transaction> Transaction::begin(Connection& connection, Lock lock) {
    // One round trip: a writer that waits longer than lock_timeout for another portal gets an error
    // (and its kiosk retries) instead of hanging behind a stuck process, as SQLite's busy timeout does.
    BADGEUSE_CHECK(
        connection.execute("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '30s'"));
    Transaction transaction(connection);
    // The key is constant: one lock for every portal writer on this database ("badgeuse" in ASCII).
    if (lock == Lock::Writers) {
        auto locked = connection.query("SELECT pg_advisory_xact_lock(7089057683704476517)");
        if (!locked && locked.error().message.find("55P03") != std::string::npos) // lock_not_available
            return make_error(
                locked.error().message +
                "; another portal process has held the database's write lock for 30 s: is one stuck?");
        if (!locked)
            return locked.error();
    }
    return transaction;
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(other.m_connection)
    , m_open(other.m_open) {
    other.m_open = false;
}

Transaction::~Transaction() {
    if (m_open)
        (void)m_connection->execute("ROLLBACK");
}

Result<void> Transaction::commit() {
    m_open = false;
    return m_connection->execute("COMMIT");
}

} // namespace badgeuse::portal::pg
