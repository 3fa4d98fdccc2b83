// A family chooses a new PIN at the kiosk with the one-time code `portal pin reset` printed: checked
// offline against the hash the portal sent, wrong codes locking like wrong PINs, the new PIN stored
// and queued as a pin_changed outbox row.
#include "app_fixture.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;
using app::Command;
using app::Screen;

namespace {

const Family& parent_family(AppKiosk& k) {
    auto badge = *k.store().badges().find(k.demo_uid("Parent"));
    REQUIRE(badge.has_value());
    auto guardian = *k.store().guardians().get(GuardianId{badge->holder_id});
    REQUIRE(guardian.has_value());
    for (const auto& f : k.school().families)
        if (f.id == guardian->family)
            return f;
    FAIL("the demo parent has no family");
    return k.school().families.front();
}

std::string subject_of(const Family& family) {
    return "family:" + std::to_string(family.id.value);
}

void announce_reset(AppKiosk& k, const Family& family, Instant expires) {
    auto hash = app::hash_pin("48151623", app::PinCost::Minimal);
    REQUIRE(hash.ok());
    REQUIRE(k.store().pin_changes().set_reset(subject_of(family), {*hash, expires}).ok());
}

void open_reset_for(AppKiosk& k, const Family& family) {
    k.command(Command::OpenParents);
    CHECK(k.app().sign_in_view().reset_button == "J'ai un code de réinitialisation");
    k.command(Command::OpenPinReset);
    REQUIRE(k.app().screen() == Screen::PinReset);
    CHECK(k.app().pin_reset_view().prefix == app::kSubscriberPrefix);
    k.keys(family.subscriber_code.substr(app::kSubscriberPrefix.size()) + "\n");
    CHECK(k.app().pin_reset_view().prompt ==
          family.name + " : tapez le code de réinitialisation donné par la mairie");
}

} // namespace

TEST_CASE("a family with the town hall's reset code chooses a new PIN twice and signs in with it") {
    AppKiosk k;
    const Family& family = parent_family(k);
    announce_reset(k, family, k.clock.now() + 48h);
    auto waiting = *k.store().outbox_count();
    open_reset_for(k, family);
    k.keys("11112222\n");
    CHECK(k.app().pin_reset_view().message == "Code de réinitialisation incorrect, 4 essais restants");
    k.keys("48151623\n");
    CHECK(k.app().pin_reset_view().prompt == "Choisissez un nouveau code PIN (4 à 6 chiffres)");
    k.keys("12\n");
    CHECK(k.app().pin_reset_view().message == "Le code PIN a de 4 à 6 chiffres");
    k.keys("4321");
    CHECK(k.app().pin_reset_view().entry == "****"); // masked
    k.keys("\n4322\n");
    CHECK(k.app().pin_reset_view().message == "Les deux codes sont différents : recommencez");
    CHECK(*k.store().outbox_count() == waiting); // nothing stored yet
    k.keys("4321\n4321\n");
    REQUIRE(k.app().screen() == Screen::ParentSignIn);
    CHECK(k.app().sign_in_view().message == "Nouveau code PIN enregistré : tapez-le pour entrer");
    k.keys("4321\n");
    REQUIRE(k.app().screen() == Screen::ParentWeek);
    CHECK(k.app().week_view().title == family.name);

    auto pending = *k.store().outbox_pending(100);
    REQUIRE(pending.size() == static_cast<std::size_t>(waiting + 1));
    CHECK(pending.back().kind == store::kPinChangedOutboxKind);
    auto change = *k.store().pin_changes().get(pending.back().event);
    REQUIRE(change.has_value());
    CHECK(change->subject == "family");
    CHECK(change->subject_id == family.id.value);
    CHECK(app::pin_matches(change->pin_hash, "4321"));
    CHECK(change->pin_hash.find("4321") == std::string::npos); // only the hash is kept
    CHECK(change->made_at == k.clock.now());
    // The code is used up, and the old PIN no longer opens the family's planning.
    CHECK_FALSE(k.store().pin_changes().reset(subject_of(family))->has_value());
    k.command(Command::SignOut);
    open_reset_for(k, family);
    k.keys("48151623\n");
    CHECK(k.app().pin_reset_view().message == "Aucune réinitialisation en cours : demandez-la à la mairie");
    k.command(Command::Back);
    REQUIRE(k.app().screen() == Screen::ParentSignIn);
    k.keys(family.subscriber_code.substr(app::kSubscriberPrefix.size()) + "\n" + std::string(app::kDemoPin) +
           "\n");
    CHECK(k.app().screen() == Screen::ParentSignIn);
    CHECK(k.app().sign_in_view().message.starts_with("Code PIN incorrect"));
}

TEST_CASE("an expired reset code is refused and five wrong codes lock the family out") {
    AppKiosk k;
    const Family& family = parent_family(k);
    announce_reset(k, family, k.clock.now() - 1min);
    open_reset_for(k, family);
    k.keys("48151623\n");
    CHECK(k.app().pin_reset_view().message == "Ce code a expiré : demandez-en un nouveau à la mairie");

    announce_reset(k, family, k.clock.now() + 48h);
    for (int i = 0; i < 5; ++i)
        k.keys("00000000\n");
    CHECK(k.app().pin_reset_view().locked);
    CHECK(k.app().pin_reset_view().message == "Trop d'essais : bloqué jusqu'à 12:00");
    k.keys("48151623\n"); // the right code, too late: still locked
    CHECK(k.app().pin_reset_view().prompt.ends_with("donné par la mairie"));
    CHECK(*k.store().pin_changes().reset(subject_of(family)) != std::nullopt);
}
