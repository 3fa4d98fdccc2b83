// Test support for the store: files at an older schema, files that claim a newer one, raw SQL reads.
// For tests only; the kiosk never calls these.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/store/store.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace badgeuse::store::test_support {

// Opens the file like Store::open, but creates or upgrades it only up to `schema_version`
// (1..kSchemaVersion): how a previous build would have left it. Repositories of tables that version
// lacks fail.
Result<Store> open_at_version(const std::filesystem::path& path, int schema_version);

// Overwrites the file's meta versions, as a build with another schema would have written them.
Result<void> write_schema_versions(Store& store, int schema_version, int compatible_version);

// The first column of the first row of `sql` as text ("" when there is no row): counts, PRAGMAs, meta.
Result<std::string> query_text(Store& store, std::string_view sql);

} // namespace badgeuse::store::test_support
