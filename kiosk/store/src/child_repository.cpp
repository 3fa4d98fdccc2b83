// Children, and their authorised adults in a table of their own, ordered by position.
#include "badgeuse/store/child_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

#define BADGEUSE_CHILD_COLUMNS                                                                               \
    "id, family_id, first_name, last_name, class_name, diet, allergy, pai, health_note"

Result<Child> read_child(const Query& row) {
    Child child;
    child.id = ChildId{row.int64(0)};
    child.family = FamilyId{row.int64(1)};
    child.first_name = row.text(2);
    child.last_name = row.text(3);
    child.class_name = row.text(4);
    child.diet = BADGEUSE_TRY(parse_diet_key(row.text(5)));
    child.allergy = row.int64(6) != 0;
    child.pai = row.int64(7) != 0;
    child.health_note = row.text(8);
    return child;
}

Result<AuthorisedAdult> read_adult(const Query& row) {
    return AuthorisedAdult{row.text(0), row.text(1), row.text(2)};
}

std::int64_t flag(bool value) {
    return value ? 1 : 0;
}

} // namespace

Result<void> ChildRepository::upsert(const Child& child) {
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    {
        auto query = BADGEUSE_TRY(m_db->query(
            "INSERT INTO child (" BADGEUSE_CHILD_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
            "ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, first_name = "
            "excluded.first_name, "
            "last_name = excluded.last_name, class_name = excluded.class_name, diet = excluded.diet, "
            "allergy = excluded.allergy, pai = excluded.pai, health_note = excluded.health_note"));
        query.bind(1, child.id)
            .bind(2, child.family)
            .bind(3, child.first_name)
            .bind(4, child.last_name)
            .bind(5, child.class_name)
            .bind(6, diet_key(child.diet))
            .bind(7, flag(child.allergy))
            .bind(8, flag(child.pai))
            .bind(9, child.health_note);
        BADGEUSE_TRY(query.execute());
    }
    {
        auto query = BADGEUSE_TRY(m_db->query("DELETE FROM authorised_adult WHERE child_id = ?1"));
        BADGEUSE_TRY(query.bind(1, child.id).execute());
    }
    std::int64_t position = 0;
    for (const AuthorisedAdult& adult : child.authorised_adults) {
        auto query =
            BADGEUSE_TRY(m_db->query("INSERT INTO authorised_adult (child_id, position, name, relation, "
                                     "phone) VALUES (?1, ?2, ?3, ?4, ?5)"));
        query.bind(1, child.id)
            .bind(2, position++)
            .bind(3, adult.name)
            .bind(4, adult.relation)
            .bind(5, adult.phone);
        BADGEUSE_TRY(query.execute());
    }
    return transaction.commit();
}

Result<std::vector<Child>> ChildRepository::read_children(Query& query) const {
    auto children = BADGEUSE_TRY(read_all(query, "child", read_child));
    for (Child& child : children) {
        auto adults = BADGEUSE_TRY(m_db->query(
            "SELECT name, relation, phone FROM authorised_adult WHERE child_id = ?1 ORDER BY position"));
        adults.bind(1, child.id);
        child.authorised_adults = BADGEUSE_TRY(read_all(adults, "authorised_adult", read_adult));
    }
    return children;
}

Result<std::optional<Child>> ChildRepository::get(ChildId id) const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_CHILD_COLUMNS " FROM child WHERE id = ?1"));
    query.bind(1, id);
    auto children = BADGEUSE_TRY(read_children(query));
    if (children.empty())
        return std::optional<Child>{};
    return std::optional<Child>{std::move(children.front())};
}

Result<std::vector<Child>> ChildRepository::list() const {
    auto query = BADGEUSE_TRY(m_db->query("SELECT " BADGEUSE_CHILD_COLUMNS " FROM child ORDER BY id"));
    return read_children(query);
}

Result<std::vector<Child>> ChildRepository::for_family(FamilyId family) const {
    auto query = BADGEUSE_TRY(
        m_db->query("SELECT " BADGEUSE_CHILD_COLUMNS " FROM child WHERE family_id = ?1 ORDER BY id"));
    query.bind(1, family);
    return read_children(query);
}

} // namespace badgeuse::store
