// The connection, the statement cache and the transaction levels behind every repository.
#include "database.hpp"

#include <cassert>
#include <utility>

namespace badgeuse::store {
namespace {

// Statements are named in errors by their first words: enough to find them in the source.
std::string sql_excerpt(std::string_view sql) {
    constexpr std::size_t kExcerpt = 60;
    std::string text(sql.substr(0, kExcerpt));
    for (char& c : text)
        if (c == '\n')
            c = ' ';
    return sql.size() > kExcerpt ? text + "..." : text;
}

// The savepoint name is the same at every level: SQLite releases or rolls back to the most recent one
// of that name, which is always the innermost since Transactions end in reverse order.
constexpr const char* kBegin = "BEGIN IMMEDIATE";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";
constexpr const char* kSavepoint = "SAVEPOINT badgeuse";
constexpr const char* kRelease = "RELEASE badgeuse";
constexpr const char* kRollbackToSavepoint = "ROLLBACK TO badgeuse";

} // namespace

// Query ---------------------------------------------------------------------------------------------

Query::Query(Database& db, CachedStatement& entry)
    : m_db(&db)
    , m_entry(&entry) {
    m_entry->in_use = true;
}

Query::Query(Query&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_entry(std::exchange(other.m_entry, nullptr))
    , m_bind_error(other.m_bind_error) {}

Query::~Query() {
    if (m_entry == nullptr)
        return;
    // Resetting ends the statement's read of the database: a SELECT left pending would keep its
    // snapshot and stop WAL checkpoints.
    sqlite3_reset(m_entry->handle.get());
    sqlite3_clear_bindings(m_entry->handle.get());
    m_entry->in_use = false;
}

Query& Query::bind(int index, std::int64_t value) {
    int code = sqlite3_bind_int64(m_entry->handle.get(), index, value);
    if (m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Query& Query::bind(int index, std::string_view value) {
    // An empty view may have no data pointer, and SQLite binds a null pointer as NULL, not as "".
    const char* data = value.data() != nullptr ? value.data() : "";
    int code =
        sqlite3_bind_text64(m_entry->handle.get(), index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Query& Query::bind(int index, Date value) {
    return bind(index, std::string_view(format_date(value)));
}

Query& Query::bind(int index, Instant value) {
    return bind(index, std::int64_t{value.time_since_epoch().count()});
}

Query& Query::bind(int index, const Uuid& value) {
    if (!value.is_nil())
        return bind(index, std::string_view(value.to_string()));
    int code = sqlite3_bind_null(m_entry->handle.get(), index);
    if (m_bind_error == SQLITE_OK)
        m_bind_error = code;
    return *this;
}

Result<bool> Query::next() {
    if (m_bind_error != SQLITE_OK)
        return failure(m_bind_error);
    int code = sqlite3_step(m_entry->handle.get());
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    return failure(code);
}

Result<int> Query::execute() {
    for (;;) {
        bool row = BADGEUSE_TRY(next());
        if (!row)
            return sqlite3_changes(m_db->handle());
    }
}

std::int64_t Query::int64(int column) const {
    return sqlite3_column_int64(m_entry->handle.get(), column);
}

std::string Query::text(int column) const {
    const unsigned char* text = sqlite3_column_text(m_entry->handle.get(), column);
    if (text == nullptr)
        return {};
    auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_entry->handle.get(), column));
    return {reinterpret_cast<const char*>(text), size};
}

Result<Date> Query::date(int column) const {
    return parse_date(text(column));
}

Instant Query::instant(int column) const {
    return Instant{std::chrono::milliseconds{int64(column)}};
}

Result<Uuid> Query::uuid(int column) const {
    if (sqlite3_column_type(m_entry->handle.get(), column) == SQLITE_NULL)
        return Uuid{};
    return Uuid::parse(text(column));
}

Error Query::unreadable(std::string_view table, const Error& why) const {
    return make_error("a row of table " + std::string(table) + " in " + m_db->path().string() +
                      " cannot be read (" + why.message +
                      "): the file is damaged or was edited by hand; restore a backup or move it aside");
}

Error Query::failure(int code) const {
    return m_db->failure(code, "\"" + sql_excerpt(sqlite3_sql(m_entry->handle.get())) + "\" failed");
}

// Database ------------------------------------------------------------------------------------------

Database::Database(ConnectionHandle connection, std::filesystem::path path)
    : m_path(std::move(path))
    , m_connection(std::move(connection)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    // NOMUTEX: one writer thread owns the store (DESIGN.md, Threads), so SQLite's own locking is cost only.
    constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int code = sqlite3_open_v2(path.c_str(), &raw, kFlags, nullptr);
    ConnectionHandle connection(raw); // closes even a connection whose opening failed, as SQLite asks
    if (code != SQLITE_OK)
        return sqlite_failure(connection.get(), code, "cannot open the database", path);
    sqlite3_extended_result_codes(connection.get(), 1);
    // SQLite falls back to read-only for a write-protected file; the kiosk would then fail at its first
    // check-in, long after anyone looked at the start-up messages.
    if (sqlite3_db_readonly(connection.get(), "main") == 1)
        return make_error(path.string() +
                          " can only be read by the kiosk: check the file's owner and permissions");
    return std::make_unique<Database>(std::move(connection), path);
}

Error Database::failure(int code, std::string_view what) {
    m_last_failure = code;
    return sqlite_failure(m_connection.get(), code, what, m_path);
}

Result<CachedStatement*> Database::statement(Sql sql) {
    auto [slot, inserted] = m_statements.try_emplace(sql.text());
    CachedStatement& entry = slot->second;
    if (entry.in_use)
        return make_error("internal error in the kiosk store: \"" + sql_excerpt(sql.text()) +
                          "\" was run again while its previous run was still being read; please report it");
    if (entry.handle == nullptr) {
        sqlite3_stmt* raw = nullptr;
        int code =
            sqlite3_prepare_v3(m_connection.get(), sql.text().data(), static_cast<int>(sql.text().size()),
                               SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
        entry.handle.reset(raw);
        if (code != SQLITE_OK) {
            auto error = failure(code, "cannot prepare \"" + sql_excerpt(sql.text()) + "\"");
            m_statements.erase(slot);
            return error;
        }
    }
    return &entry;
}

bool Database::transaction_lost() const {
    return m_depth > 0 && sqlite3_get_autocommit(m_connection.get()) != 0;
}

Result<Query> Database::query(Sql sql) {
    if (transaction_lost())
        return make_error("the transaction on " + m_path.string() +
                          " was rolled back by SQLite after an earlier error; nothing it wrote was kept: "
                          "retry the whole operation");
    CachedStatement* entry = BADGEUSE_TRY(statement(sql));
    return Query(*this, *entry);
}

Result<std::int64_t> Database::query_integer(Sql sql) {
    auto query = BADGEUSE_TRY(this->query(sql));
    if (!BADGEUSE_TRY(query.next()))
        return make_error("internal error in the kiosk store: \"" + sql_excerpt(sql.text()) +
                          "\" gave no row; please report it");
    return query.int64(0);
}

Result<void> Database::execute_script(std::string_view script, std::string_view what) {
    std::string text(script); // sqlite3_exec wants a terminated string
    int code = sqlite3_exec(m_connection.get(), text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        return failure(code, what);
    return {};
}

Result<void> Database::run_control(Sql sql) {
    CachedStatement* entry = BADGEUSE_TRY(statement(sql));
    Query control(*this, *entry);
    BADGEUSE_TRY(control.execute());
    return {};
}

Result<Transaction> Database::begin_transaction() {
    if (transaction_lost())
        return make_error("cannot start a nested transaction on " + m_path.string() +
                          ": the enclosing one was rolled back by SQLite after an earlier error");
    BADGEUSE_CHECK(run_control(m_depth == 0 ? Sql(kBegin) : Sql(kSavepoint)));
    ++m_depth;
    return Transaction(*this, m_depth);
}

Result<void> Database::commit_level(int depth) {
    if (depth != m_depth)
        return make_error("internal error in the kiosk store: a transaction was committed while a nested one "
                          "was still open; please report it");
    if (sqlite3_get_autocommit(m_connection.get()) != 0)
        return make_error(
            "the transaction on " + m_path.string() +
            " had already been rolled back by SQLite after an earlier error; nothing it wrote was "
            "kept: retry the whole operation");
    // A failed COMMIT (SQLITE_BUSY) leaves the transaction open: the Transaction's destructor rolls it back.
    BADGEUSE_CHECK(run_control(depth == 1 ? Sql(kCommit) : Sql(kRelease)));
    --m_depth;
    if (depth == 1 && std::exchange(m_outbox_written, false) && m_outbox_listener)
        m_outbox_listener();
    return {};
}

void Database::set_outbox_listener(std::function<void()> listener) {
    m_outbox_listener = std::move(listener);
    sqlite3_update_hook(
        m_connection.get(),
        [](void* self, int operation, const char*, const char* table, sqlite3_int64) {
            if (operation == SQLITE_INSERT && std::string_view(table) == "outbox")
                static_cast<Database*>(self)->m_outbox_written = true;
        },
        this);
}

void Database::roll_back_level(int depth) noexcept {
    assert(depth == m_depth && "Transactions must end in reverse order of their start");
    // After SQLite rolled everything back on its own, there is nothing left to undo.
    if (sqlite3_get_autocommit(m_connection.get()) == 0) {
        if (depth == 1) {
            m_outbox_written = false;
            (void)run_control(kRollback);
        } else {
            // ROLLBACK TO undoes the savepoint's writes but keeps it open; RELEASE then closes it.
            (void)run_control(kRollbackToSavepoint);
            (void)run_control(kRelease);
        }
    }
    --m_depth;
}

} // namespace badgeuse::store
