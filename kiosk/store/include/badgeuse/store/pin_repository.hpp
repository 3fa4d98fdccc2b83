// PinRepository: the argon2id hashes of families' and staff's PINs, and the wrong tries that lock a
// subject out on this kiosk. Subjects are named "family:<id>" or "staff:<id>" by the app layer.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace badgeuse::store {

class Database;

struct PinLockoutRow {
    int failures = 0;
    std::optional<Instant> locked_until;
    bool operator==(const PinLockoutRow&) const = default;
};

class PinRepository {
public:
    explicit PinRepository(Database& db)
        : m_db(&db) {}

    // Stores the hash as given (the app hashes: the store never sees a PIN).
    Result<void> set_hash(std::string_view subject, std::string_view hash);
    Result<std::optional<std::string>> hash(std::string_view subject) const;
    // A subject never seen reads as no failures and not locked.
    Result<PinLockoutRow> lockout(std::string_view subject) const;
    Result<void> set_lockout(std::string_view subject, const PinLockoutRow& row);

private:
    Database* m_db;
};

} // namespace badgeuse::store
