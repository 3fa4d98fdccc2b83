// Sessions: parents' and staff's sign-in on the kiosk, PINs as argon2id hashes (libsodium), the lockout
// after too many wrong PINs, and the automatic sign-out after a minute without a touch.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace badgeuse::app {

// How hard a PIN hash is to compute. Kiosks use Interactive (libsodium's interactive limits: ~0.1 s,
// 64 MiB); tests and the demo use Minimal so that hashing hundreds of demo families stays quick.
enum class PinCost { Interactive, Minimal };

// "$argon2id$v=19$m=...": the salt and the cost are inside the string.
Result<std::string> hash_pin(std::string_view pin, PinCost cost);
bool pin_matches(const std::string& hash, std::string_view pin);
// 4 to 6 digits.
bool is_valid_pin(std::string_view pin);

enum class SubjectKind { Family, Staff };

struct Subject {
    SubjectKind kind = SubjectKind::Family;
    std::int64_t id = 0;
    std::string key() const; // "family:42", "staff:3": how the store names it
    bool operator==(const Subject&) const = default;
};

// Wrong PINs so far and, once too many, until when the subject is locked out on this kiosk.
struct PinLockout {
    int failures = 0;
    std::optional<Instant> locked_until;
    bool operator==(const PinLockout&) const = default;
};

// Where PIN hashes and lockouts are kept: the store on a kiosk, memory in tests.
class PinVault {
public:
    virtual ~PinVault() = default;
    virtual Result<std::optional<std::string>> pin_hash(const Subject& subject) = 0;
    virtual Result<PinLockout> lockout(const Subject& subject) = 0;
    virtual Result<void> set_lockout(const Subject& subject, const PinLockout& lockout) = 0;
};

class MemoryPinVault final : public PinVault {
public:
    void set_pin_hash(const Subject& subject, std::string hash) { m_hashes[subject.key()] = std::move(hash); }
    Result<std::optional<std::string>> pin_hash(const Subject& subject) override;
    Result<PinLockout> lockout(const Subject& subject) override;
    Result<void> set_lockout(const Subject& subject, const PinLockout& lockout) override;

private:
    std::unordered_map<std::string, std::string> m_hashes;
    std::unordered_map<std::string, PinLockout> m_lockouts;
};

struct SessionSettings {
    int max_failures = 5;
    std::chrono::minutes lockout_time{15};
    std::chrono::seconds idle_sign_out{60};
};

struct PinCheck {
    enum class Outcome { Accepted, Wrong, Locked, NoPin } outcome = Outcome::Wrong;
    int remaining = 0;                   // Wrong: tries left before the lockout
    std::optional<Instant> locked_until; // Locked (also set by the wrong PIN that locks)
};

struct Session {
    Subject subject;
    std::string name; // "Famille Martin", "Sophie"
    Instant last_touch;
};

// Why a session ended: the sign-out button, a minute without a touch, or a child's badge.
enum class SignOutReason { Button, Idle, ChildBadge };

class Sessions {
public:
    Sessions(PinVault& vault, const Clock& clock, SessionSettings settings = {});

    // Checks the PIN and counts a wrong one; a locked subject is refused without looking at the PIN.
    Result<PinCheck> check_pin(const Subject& subject, std::string_view pin);

    void open(Subject subject, std::string name);
    void touch();
    void close(SignOutReason reason);
    const std::optional<Session>& current() const { return m_current; }
    std::optional<SignOutReason> last_sign_out() const { return m_last_sign_out; }

    // Ends the session once it has gone untouched for idle_sign_out; true if it did now.
    bool sign_out_if_idle();
    // How long until the idle sign-out (zero without a session).
    std::chrono::milliseconds until_sign_out() const;
    const SessionSettings& settings() const { return m_settings; }

private:
    PinVault* m_vault;
    const Clock* m_clock;
    SessionSettings m_settings;
    std::optional<Session> m_current;
    std::optional<SignOutReason> m_last_sign_out;
};

} // namespace badgeuse::app
