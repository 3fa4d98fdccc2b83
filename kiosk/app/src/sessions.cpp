// Sessions: argon2id through libsodium's crypto_pwhash_str, and the lockout kept in the PinVault so that
// restarting the kiosk does not give a guesser five more tries.
#include "badgeuse/app/sessions.hpp"

#include <sodium.h>

#include <algorithm>

namespace badgeuse::app {

namespace {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<std::string> hash_pin(std::string_view pin, PinCost cost) {
    if (!sodium_ready())
        return make_error("libsodium could not start: PINs cannot be hashed on this machine");
    char out[crypto_pwhash_STRBYTES];
    auto ops = cost == PinCost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
    auto mem = cost == PinCost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("not enough memory to hash a PIN");
    return std::string(out);
}

bool pin_matches(const std::string& hash, std::string_view pin) {
    if (!sodium_ready())
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool is_valid_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 6 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Subject::key() const {
    return (kind == SubjectKind::Family ? "family:" : "staff:") + std::to_string(id);
}

Result<std::optional<std::string>> MemoryPinVault::pin_hash(const Subject& subject) {
    auto found = m_hashes.find(subject.key());
    if (found == m_hashes.end())
        return std::optional<std::string>{};
    return std::optional<std::string>{found->second};
}

Result<PinLockout> MemoryPinVault::lockout(const Subject& subject) {
    auto found = m_lockouts.find(subject.key());
    return found == m_lockouts.end() ? PinLockout{} : found->second;
}

Result<void> MemoryPinVault::set_lockout(const Subject& subject, const PinLockout& lockout) {
    m_lockouts[subject.key()] = lockout;
    return {};
}

Sessions::Sessions(PinVault& vault, const Clock& clock, SessionSettings settings)
    : m_vault(&vault)
    , m_clock(&clock)
    , m_settings(settings) {}

Result<PinCheck> Sessions::check_pin(const Subject& subject, std::string_view pin) {
    Instant now = m_clock->now();
    auto lockout = BADGEUSE_TRY(m_vault->lockout(subject));
    PinCheck check;
    if (lockout.locked_until && now < *lockout.locked_until) {
        check.outcome = PinCheck::Outcome::Locked;
        check.locked_until = lockout.locked_until;
        return check;
    }
    if (lockout.locked_until) // the lockout is over: a fresh set of tries
        lockout = PinLockout{};
    auto hash = BADGEUSE_TRY(m_vault->pin_hash(subject));
    if (!hash) {
        check.outcome = PinCheck::Outcome::NoPin;
        return check;
    }
    if (is_valid_pin(pin) && pin_matches(*hash, pin)) {
        BADGEUSE_CHECK(m_vault->set_lockout(subject, PinLockout{}));
        check.outcome = PinCheck::Outcome::Accepted;
        return check;
    }
    ++lockout.failures;
    if (lockout.failures >= m_settings.max_failures) {
        lockout.locked_until = now + m_settings.lockout_time;
        check.outcome = PinCheck::Outcome::Locked;
        check.locked_until = lockout.locked_until;
    } else {
        check.outcome = PinCheck::Outcome::Wrong;
        check.remaining = m_settings.max_failures - lockout.failures;
    }
    BADGEUSE_CHECK(m_vault->set_lockout(subject, lockout));
    return check;
}

void Sessions::open(Subject subject, std::string name) {
    m_current = Session{subject, std::move(name), m_clock->now()};
    m_last_sign_out.reset();
}

void Sessions::touch() {
    if (m_current)
        m_current->last_touch = m_clock->now();
}

void Sessions::close(SignOutReason reason) {
    if (!m_current)
        return;
    m_current.reset();
    m_last_sign_out = reason;
}

bool Sessions::sign_out_if_idle() {
    if (!m_current || m_clock->now() - m_current->last_touch < m_settings.idle_sign_out)
        return false;
    close(SignOutReason::Idle);
    return true;
}

std::chrono::milliseconds Sessions::until_sign_out() const {
    if (!m_current)
        return std::chrono::milliseconds{0};
    auto left = m_current->last_touch + m_settings.idle_sign_out - m_clock->now();
    return std::max(std::chrono::milliseconds{0},
                    std::chrono::duration_cast<std::chrono::milliseconds>(left));
}

} // namespace badgeuse::app
