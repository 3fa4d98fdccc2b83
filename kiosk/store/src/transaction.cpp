// Transaction's ending: commit on request, roll back otherwise. The SQL lives in Database.
#include "badgeuse/store/transaction.hpp"

#include "database.hpp"

#include <utility>

namespace badgeuse::store {

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_depth(other.m_depth) {}

Transaction::~Transaction() {
    if (m_db != nullptr)
        m_db->roll_back_level(m_depth);
}

Result<void> Transaction::commit() {
    if (m_db == nullptr)
        return make_error(
            "internal error in the kiosk store: a transaction was committed twice; please report it");
    BADGEUSE_CHECK(m_db->commit_level(m_depth));
    m_db = nullptr;
    return {};
}

} // namespace badgeuse::store
