// SiteRepository: the schools the kiosk serves, as the portal defines them.
// Like every repository of configuration, a write replaces the row with the same id: the portal decides.
#pragma once

#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;

class SiteRepository {
public:
    explicit SiteRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const Site& site);
    Result<std::optional<Site>> get(SiteId id) const;
    Result<std::vector<Site>> list() const; // by id

private:
    Database* m_db;
};

} // namespace badgeuse::store
