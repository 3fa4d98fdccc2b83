// open_portal_store: the backend database.url names.
#include "badgeuse/portal/portal_store.hpp"

namespace badgeuse::portal {

Result<std::unique_ptr<PortalStore>> open_portal_store(const DatabaseUrl& url, OpenMode mode) {
    switch (url.backend) {
    case DatabaseBackend::Sqlite:
        return open_sqlite_portal_store(url.sqlite_path, mode);
    case DatabaseBackend::Postgres:
        return open_postgres_portal_store(url.postgres_uri, mode);
    }
    return make_error("database.url names no known backend");
}

int portal_schema_version(const DatabaseUrl& url) {
    return url.backend == DatabaseBackend::Sqlite ? sqlite_portal_schema_version()
                                                  : postgres_portal_schema_version();
}

} // namespace badgeuse::portal
