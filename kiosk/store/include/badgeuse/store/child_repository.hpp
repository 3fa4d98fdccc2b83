// ChildRepository: children with their diet, health markers and the adults authorised to take them home.
// A child and its authorised adults are written together: upsert replaces the whole list.
#pragma once

#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;
class Query;

class ChildRepository {
public:
    explicit ChildRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const Child& child);
    Result<std::optional<Child>> get(ChildId id) const;
    Result<std::vector<Child>> list() const;                      // by id
    Result<std::vector<Child>> for_family(FamilyId family) const; // by id

private:
    // The children of the query's rows, each with its authorised adults.
    Result<std::vector<Child>> read_children(Query& query) const;

    Database* m_db;
};

} // namespace badgeuse::store
