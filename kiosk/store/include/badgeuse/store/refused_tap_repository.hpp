// RefusedTapRepository: taps the kiosk refused (unknown or revoked badge), kept for staff to look at.
// Local to the kiosk: they are not pushed to the portal.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace badgeuse::store {

class Database;

struct RefusedTap {
    std::string uid; // normalised, as read
    Instant at;
    std::string reason; // a text key: "unknown_badge", "revoked_badge"
    bool operator==(const RefusedTap&) const = default;
};

class RefusedTapRepository {
public:
    explicit RefusedTapRepository(Database& db)
        : m_db(&db) {}

    Result<void> record(const RefusedTap& tap);
    Result<std::vector<RefusedTap>> recent(std::size_t limit) const; // newest first
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
