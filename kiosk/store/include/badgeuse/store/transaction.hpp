// Transaction: a write transaction on the store, committed explicitly and rolled back if dropped.
// Inside another Transaction it is a SAVEPOINT, so repository writes compose with a caller's transaction.
#pragma once

#include "badgeuse/core/result.hpp"

namespace badgeuse::store {

class Database;

// The outermost Transaction is BEGIN IMMEDIATE: it takes the write lock at once, so a transaction
// that reads then writes cannot fail half-way for another writer. Its commit() returns once the data
// is on disk (synchronous=FULL). Nested Transactions are durable only when the outermost commits.
// Transactions must end in the reverse order of their start.
class [[nodiscard]] Transaction {
public:
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    friend class Database;
    Transaction(Database& db, int depth)
        : m_db(&db)
        , m_depth(depth) {}

    Database* m_db = nullptr; // null once committed, rolled back or moved from
    int m_depth = 0;
};

} // namespace badgeuse::store
