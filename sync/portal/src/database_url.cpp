// Parsing database.url. PostgreSQL URIs are checked only for their scheme and a database name here:
// libpq reads the rest and says what is wrong with it when the portal connects.
#include "badgeuse/portal/database_url.hpp"

namespace badgeuse::portal {
namespace {

constexpr std::string_view kSqlite = "sqlite://";
constexpr std::string_view kPostgresSchemes[] = {"postgresql://", "postgres://"};

} // namespace

std::string uri_without_password(std::string_view uri) {
    auto authority = uri.find("://");
    if (authority == std::string_view::npos)
        return std::string(uri);
    authority += 3;
    const auto end = uri.find_first_of("/?", authority);
    const auto at = uri.rfind('@', end == std::string_view::npos ? uri.size() : end);
    if (at == std::string_view::npos || at < authority)
        return std::string(uri);
    const auto colon = uri.find(':', authority);
    if (colon == std::string_view::npos || colon > at)
        return std::string(uri);
    return std::string(uri.substr(0, colon + 1)) + "***" + std::string(uri.substr(at));
}

std::string DatabaseUrl::display() const {
    return backend == DatabaseBackend::Sqlite ? sqlite_path.string() : uri_without_password(postgres_uri);
}

Result<DatabaseUrl> parse_database_url(std::string_view text, const std::filesystem::path& base) {
    DatabaseUrl url;
    for (std::string_view scheme : kPostgresSchemes) {
        if (!text.starts_with(scheme))
            continue;
        // The database is the path after the authority, or a dbname= option of the query.
        const std::string_view rest = text.substr(scheme.size());
        const auto end = rest.find_first_of("/?");
        std::string_view database;
        if (end != std::string_view::npos && rest[end] == '/')
            database = rest.substr(end + 1, rest.find('?', end) - end - 1);
        const auto query = rest.find('?');
        const bool in_query =
            query != std::string_view::npos &&
            (rest.find("?dbname=", query) == query || rest.find("&dbname=", query) != std::string_view::npos);
        if (database.empty() && !in_query)
            return make_error("expected a PostgreSQL URI naming its database, such as "
                              "\"postgresql://badgeuse@localhost/badgeuse\", not \"" +
                              uri_without_password(text) + "\"");
        url.backend = DatabaseBackend::Postgres;
        url.postgres_uri = std::string(text);
        return url;
    }
    if (!text.starts_with(kSqlite) || text.size() == kSqlite.size())
        return make_error("expected sqlite:///absolute/path, sqlite://path/relative/to/the/config or "
                          "postgresql://user@host/database, not \"" +
                          std::string(text) + "\"");
    std::filesystem::path file(text.substr(kSqlite.size()));
    if (file.is_relative())
        file = base / file;
    url.sqlite_path = file;
    return url;
}

} // namespace badgeuse::portal
