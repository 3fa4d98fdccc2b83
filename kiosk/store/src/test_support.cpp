// Test support: reaches the store's private parts through StoreTestAccess, which only this file defines.
#include "badgeuse/store/test_support.hpp"

#include "database.hpp"

namespace badgeuse::store {

class StoreTestAccess {
public:
    static Result<Store> open_at(const std::filesystem::path& path, int version) {
        return Store::open_at(path, IntegrityCheck::Quick, version);
    }
    static Database& database(Store& store) { return *store.m_db; }
};

namespace test_support {

Result<Store> open_at_version(const std::filesystem::path& path, int schema_version) {
    if (schema_version < 1 || schema_version > kSchemaVersion)
        return make_error("schema version " + std::to_string(schema_version) + " is not between 1 and " +
                          std::to_string(kSchemaVersion));
    return StoreTestAccess::open_at(path, schema_version);
}

Result<void> write_schema_versions(Store& store, int schema_version, int compatible_version) {
    Database& db = StoreTestAccess::database(store);
    auto query = BADGEUSE_TRY(db.query("UPDATE meta SET value = CASE key WHEN 'schema_version' THEN ?1 "
                                       "WHEN 'compatible_version' THEN ?2 ELSE value END"));
    BADGEUSE_TRY(
        query.bind(1, std::int64_t{schema_version}).bind(2, std::int64_t{compatible_version}).execute());
    return {};
}

Result<std::string> query_text(Store& store, std::string_view sql) {
    Database& db = StoreTestAccess::database(store);
    sqlite3_stmt* raw = nullptr;
    int code = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    StatementHandle statement(raw);
    if (code != SQLITE_OK)
        return db.failure(code, "cannot prepare a test query");
    code = sqlite3_step(statement.get());
    if (code == SQLITE_DONE)
        return std::string{};
    if (code != SQLITE_ROW)
        return db.failure(code, "a test query failed");
    const unsigned char* text = sqlite3_column_text(statement.get(), 0);
    return text == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(text));
}

} // namespace test_support
} // namespace badgeuse::store
