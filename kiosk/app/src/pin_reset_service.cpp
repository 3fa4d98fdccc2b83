// PinResetService: the reset code against its hash (libsodium), the lockout, and the new PIN's record.
#include "badgeuse/app/pin_reset_service.hpp"

#include <algorithm>

namespace badgeuse::app {

PinResetService::PinResetService(store::Store& store, const Clock& clock, UuidSource& uuids, PinCost cost,
                                 SessionSettings settings)
    : m_store(&store)
    , m_clock(&clock)
    , m_uuids(&uuids)
    , m_cost(cost)
    , m_settings(settings) {}

Result<ResetCodeCheck> PinResetService::check_code(const Subject& subject, std::string_view code) {
    using Outcome = ResetCodeCheck::Outcome;
    Instant now = m_clock->now();
    ResetCodeCheck check;
    auto lockout = BADGEUSE_TRY(m_store->pins().lockout(subject.key()));
    if (lockout.locked_until && *lockout.locked_until > now) {
        check.outcome = Outcome::Locked;
        check.locked_until = lockout.locked_until;
        return check;
    }
    auto reset = BADGEUSE_TRY(m_store->pin_changes().reset(subject.key()));
    if (!reset) {
        check.outcome = Outcome::NoReset;
        return check;
    }
    if (reset->expires <= now) {
        check.outcome = Outcome::Expired;
        return check;
    }
    // The same hash check as a PIN's: crypto_pwhash_str_verify reads the cost from the hash.
    if (code.size() == kResetCodeDigits && pin_matches(reset->code_hash, code)) {
        BADGEUSE_CHECK(m_store->pins().set_lockout(subject.key(), {}));
        check.outcome = Outcome::Accepted;
        return check;
    }
    if (lockout.locked_until) // an expired lockout starts a fresh count
        lockout = {};
    ++lockout.failures;
    check.outcome = Outcome::Wrong;
    check.remaining = std::max(0, m_settings.max_failures - lockout.failures);
    if (check.remaining == 0) {
        lockout.locked_until = now + m_settings.lockout_time;
        check.outcome = Outcome::Locked;
        check.locked_until = lockout.locked_until;
    }
    BADGEUSE_CHECK(m_store->pins().set_lockout(subject.key(), lockout));
    return check;
}

Result<Uuid> PinResetService::set_pin(const Subject& subject, std::string_view pin) {
    if (!is_valid_pin(pin))
        return make_error("a PIN has 4 to 6 digits");
    store::PinChange change;
    change.id = m_uuids->next();
    change.subject = subject.kind == SubjectKind::Family ? "family" : "staff";
    change.subject_id = subject.id;
    change.pin_hash = BADGEUSE_TRY(hash_pin(pin, m_cost));
    change.made_at = m_clock->now();
    BADGEUSE_TRY(m_store->record_pin_change(change));
    return change.id;
}

} // namespace badgeuse::app
