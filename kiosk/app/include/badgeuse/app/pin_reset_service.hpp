// PinResetService: choosing a new PIN at the kiosk with the one-time code `portal pin reset` printed.
// The code is checked offline against the argon2id hash the portal sent (PinRecord), wrong codes count
// towards the same lockout as wrong PINs, and the new PIN's hash is stored and queued for the portal
// (outbox kind "pin_changed", pushed as protocol::PinChanged).
#pragma once

#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/uuid_source.hpp"
#include "badgeuse/store/store.hpp"

#include <string_view>

namespace badgeuse::app {

// The codes `portal pin reset` prints have this many digits.
inline constexpr std::size_t kResetCodeDigits = 8;

struct ResetCodeCheck {
    enum class Outcome { Accepted, Wrong, Expired, NoReset, Locked } outcome = Outcome::Wrong;
    int remaining = 0;                   // Wrong: tries left before the lockout
    std::optional<Instant> locked_until; // Locked
};

class PinResetService {
public:
    PinResetService(store::Store& store, const Clock& clock, UuidSource& uuids, PinCost cost,
                    SessionSettings settings = {});

    Result<ResetCodeCheck> check_code(const Subject& subject, std::string_view code);
    // Stores the new PIN (4 to 6 digits: the caller checked is_valid_pin) and queues the change.
    Result<Uuid> set_pin(const Subject& subject, std::string_view pin);

private:
    store::Store* m_store;
    const Clock* m_clock;
    UuidSource* m_uuids;
    PinCost m_cost;
    SessionSettings m_settings;
};

} // namespace badgeuse::app
