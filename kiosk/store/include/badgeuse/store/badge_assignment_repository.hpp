// BadgeAssignmentRepository: the badges staff gave to children at this kiosk, as queued for the portal
// (outbox kind kBadgeAssignmentOutboxKind). Written only by Store::record_badge_assignment.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace badgeuse::store {

class Database;

// Every field of protocol::BadgeAssigned.
struct BadgeAssignment {
    Uuid id;
    StaffId staff;         // who gave it, signed in on the kiosk
    std::string badge_uid; // normalised
    ChildId child;
    Instant made_at;
    bool operator==(const BadgeAssignment&) const = default;
};

class BadgeAssignmentRepository {
public:
    explicit BadgeAssignmentRepository(Database& db)
        : m_db(&db) {}

    // The one with that UUID (the outbox row's event UUID), for the sync client to push.
    Result<std::optional<BadgeAssignment>> get(const Uuid& id) const;
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
