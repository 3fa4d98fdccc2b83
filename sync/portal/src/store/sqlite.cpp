// The portal's SQLite layer. Every error names the file and SQLite's own message, so that an operator
// reading the log knows which database and what went wrong.
#include "sqlite.hpp"

namespace badgeuse::portal::sqlite {
namespace {

Error failure(sqlite3* db, int code, std::string_view where) {
    std::string message = std::string(where) + ": " +
                          (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)) + " (SQLite code " +
                          std::to_string(code) + ")";
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        message += "; another process holds the database: stop it or retry";
    else if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        message += "; this is not a healthy portal database: restore it from a backup";
    return make_error(std::move(message));
}

} // namespace

Statement::Statement(sqlite3_stmt* statement, std::string where)
    : m_statement(statement)
    , m_where(std::move(where)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    const int code = sqlite3_bind_int64(m_statement.get(), index, value);
    if (code != SQLITE_OK && m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int code = sqlite3_bind_text(m_statement.get(), index, value.data(), static_cast<int>(value.size()),
                                       SQLITE_TRANSIENT);
    if (code != SQLITE_OK && m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int code = sqlite3_bind_null(m_statement.get(), index);
    if (code != SQLITE_OK && m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Result<Row> Statement::step() {
    sqlite3* db = sqlite3_db_handle(m_statement.get());
    if (m_bind_error != SQLITE_OK)
        return failure(db, m_bind_error, m_where);
    const int code = sqlite3_step(m_statement.get());
    if (code == SQLITE_ROW)
        return Row::Ready;
    if (code == SQLITE_DONE)
        return Row::Done;
    return failure(db, code, m_where);
}

Result<int> Statement::run() {
    while (BADGEUSE_TRY(step()) == Row::Ready) {
    }
    return sqlite3_changes(sqlite3_db_handle(m_statement.get()));
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_statement.get(), column);
}

std::string Statement::text(int column) const {
    const unsigned char* bytes = sqlite3_column_text(m_statement.get(), column);
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    return bytes == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

Connection::Connection(sqlite3* db, std::filesystem::path path)
    : m_db(db)
    , m_path(std::move(path)) {}

Result<Connection> Connection::open(const std::filesystem::path& path, Create create) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create == Create::IfMissing ? SQLITE_OPEN_CREATE : 0);
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection connection(raw, path);
    if (code != SQLITE_OK)
        return failure(raw, code, "opening " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    // WAL lets the pulls of many kiosks read while one push writes; FULL makes an acknowledged event
    // survive a power cut, which "nothing is lost" depends on.
    BADGEUSE_CHECK(
        connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
    return connection;
}

Result<Statement> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const int code = sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    if (code != SQLITE_OK)
        return failure(m_db.get(), code, m_path.string());
    return Statement(raw, m_path.string());
}

Result<void> Connection::execute(std::string_view sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(m_db.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (code != SQLITE_OK)
        return failure(m_db.get(), code, m_path.string());
    return {};
}

Result<Transaction> Transaction::begin(Connection& connection) {
    // IMMEDIATE takes the write lock now, so that a busy database fails here and not halfway through.
    BADGEUSE_CHECK(connection.execute("BEGIN IMMEDIATE"));
    return Transaction(connection);
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
    BADGEUSE_CHECK(m_connection->execute("COMMIT"));
    m_open = false;
    return {};
}

} // namespace badgeuse::portal::sqlite
