// PinChangeRepository: PIN resets the portal announced (the one-time code's hash, until it expires) and
// the PINs families and staff chose at this kiosk, queued for the portal (outbox kind
// kPinChangedOutboxKind). Changes are written only by Store::record_pin_change.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgeuse::store {

class Database;

// A pending reset of one subject ("family:42", "staff:3"), from the portal's PinRecord.
struct PinReset {
    std::string code_hash; // argon2id, as crypto_pwhash_str writes it
    Instant expires;
    bool operator==(const PinReset&) const = default;
};

// Every field of protocol::PinChanged.
struct PinChange {
    Uuid id;
    std::string subject; // "family" or "staff"
    std::int64_t subject_id = 0;
    std::string pin_hash; // argon2id: the PIN itself is never stored
    Instant made_at;
    bool operator==(const PinChange&) const = default;
};

class PinChangeRepository {
public:
    explicit PinChangeRepository(Database& db)
        : m_db(&db) {}

    // The sync client's side of PinRecord: a reset_code_hash to keep, or none to forget.
    Result<void> set_reset(std::string_view subject, const PinReset& reset);
    Result<void> clear_reset(std::string_view subject);
    Result<std::optional<PinReset>> reset(std::string_view subject) const;

    // The one with that UUID (the outbox row's event UUID), for the sync client to push.
    Result<std::optional<PinChange>> get(const Uuid& id) const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
