// Sessions: argon2id PINs, the lockout after five wrong PINs for fifteen minutes, the idle sign-out.
#include "badgeuse/app/sessions.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::app;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    ManualClock clock{Instant{std::chrono::milliseconds{1'796'000'000'000}}};
    MemoryPinVault vault;
    Sessions sessions{vault, clock};
    Subject family{SubjectKind::Family, 42};

    Fixture() { vault.set_pin_hash(family, *hash_pin("4821", PinCost::Minimal)); }
};

} // namespace

TEST_CASE("a PIN is stored as an argon2id hash that names its cost and never holds the PIN") {
    auto hash = hash_pin("4821", PinCost::Minimal);
    REQUIRE(hash.ok());
    CHECK(hash->starts_with("$argon2id$"));
    CHECK(hash->find("4821") == std::string::npos);
    CHECK(pin_matches(*hash, "4821"));
    CHECK_FALSE(pin_matches(*hash, "4822"));
    CHECK(*hash != *hash_pin("4821", PinCost::Minimal)); // salted
}

TEST_CASE("PINs have 4 to 6 digits") {
    CHECK(is_valid_pin("1234"));
    CHECK(is_valid_pin("123456"));
    CHECK_FALSE(is_valid_pin("123"));
    CHECK_FALSE(is_valid_pin("1234567"));
    CHECK_FALSE(is_valid_pin("12a4"));
}

TEST_CASE("five wrong PINs lock the family for fifteen minutes and the right PIN works again after") {
    Fixture f;
    for (int remaining = 4; remaining >= 1; --remaining) {
        auto check = f.sessions.check_pin(f.family, "0000");
        REQUIRE(check.ok());
        CHECK(check->outcome == PinCheck::Outcome::Wrong);
        CHECK(check->remaining == remaining);
    }
    auto fifth = f.sessions.check_pin(f.family, "0000");
    CHECK(fifth->outcome == PinCheck::Outcome::Locked);
    CHECK(*fifth->locked_until == f.clock.now() + 15min);
    f.clock.advance(14min + 59s);
    CHECK(f.sessions.check_pin(f.family, "4821")->outcome == PinCheck::Outcome::Locked);
    f.clock.advance(1s);
    CHECK(f.sessions.check_pin(f.family, "4821")->outcome == PinCheck::Outcome::Accepted);
    CHECK(*f.vault.lockout(f.family) == PinLockout{});
}

TEST_CASE("a right PIN clears the count of wrong ones") {
    Fixture f;
    for (int i = 0; i < 4; ++i)
        (void)f.sessions.check_pin(f.family, "0000");
    CHECK(f.sessions.check_pin(f.family, "4821")->outcome == PinCheck::Outcome::Accepted);
    CHECK(f.sessions.check_pin(f.family, "0000")->remaining == 4);
}

TEST_CASE("a family without a PIN is told so and counts no failure") {
    Fixture f;
    Subject other{SubjectKind::Family, 7};
    CHECK(f.sessions.check_pin(other, "1234")->outcome == PinCheck::Outcome::NoPin);
    CHECK(f.vault.lockout(other)->failures == 0);
}

TEST_CASE("a session ends sixty seconds after the last touch") {
    Fixture f;
    f.sessions.open(f.family, "Famille Martin");
    f.clock.advance(50s);
    f.sessions.touch();
    f.clock.advance(59s);
    CHECK_FALSE(f.sessions.sign_out_if_idle());
    CHECK(f.sessions.until_sign_out() == 1s);
    f.clock.advance(1s);
    CHECK(f.sessions.sign_out_if_idle());
    CHECK_FALSE(f.sessions.current().has_value());
    CHECK(f.sessions.last_sign_out() == SignOutReason::Idle);
}
