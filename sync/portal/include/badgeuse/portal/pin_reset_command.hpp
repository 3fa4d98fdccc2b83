// `portal pin reset --family CODE` and `portal pin reset --staff ID`: prints a one-time code of 8 digits,
// valid 72 hours, with which the family or staff member chooses a new PIN at a kiosk of their site.
// The portal keeps only the code's argon2id hash (libsodium's crypto_pwhash_str, as the kiosk hashes
// PINs), in the subject's PinRecord, which travels to the site's kiosks so that they check it offline.
// The old PIN stops working at once: a reset is asked for a PIN forgotten or given away.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/event_rules.hpp" // kPinResetLifetime
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <chrono>
#include <iosfwd>
#include <string>

namespace badgeuse::portal {

inline constexpr std::size_t kPinResetDigits = 8;

// argon2id with libsodium's interactive limits: what a kiosk checks in well under a second.
Result<std::string> hash_reset_code(std::string_view code);
bool reset_code_matches(const std::string& hash, std::string_view code);

struct PinReset {
    std::string code; // shown once, never stored
    protocol::PinRecord record;
    std::string subject_name; // "famille Martin (BLENFANCE-1-1)", for the admin's message
    std::string site_name;
};

// Writes the subject's PinRecord with the new code's hash (and no PIN) in one commit.
Result<PinReset> reset_pin(PortalStore& store, protocol::PinSubject subject, std::int64_t id,
                           const Clock& clock);

// Exactly one of family_code and staff_id is given (the other empty).
int portal_pin_reset(const PortalConfig& config, const std::string& family_code, const std::string& staff_id,
                     const Clock& clock, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
