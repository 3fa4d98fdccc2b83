// Parents declare an absence at the kiosk: the form's days and reasons, what it refuses, and the
// absence stored with its outbox row and shown at once in the week planning as "absent".
#include "app_fixture.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;
using app::Command;
using app::Screen;

TEST_CASE("a parent declares three days of illness and the planning shows them absent at once") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    REQUIRE(k.app().screen() == Screen::ParentWeek);
    auto before = k.app().week_view();
    CHECK(before.absence_button == "Déclarer une absence");
    REQUIRE(before.rows.size() == 3);
    REQUIRE(before.rows[1].cells[1].state != app::CellState::Absent);
    auto waiting = *k.store().outbox_count();

    k.command(Command::OpenAbsence);
    REQUIRE(k.app().screen() == Screen::Absence);
    auto form = k.app().absence_view();
    CHECK(form.title == "Déclarer une absence · " + before.children.front());
    CHECK(form.from == "lundi 7 décembre");
    CHECK(form.to == "lundi 7 décembre");
    CHECK(form.reasons ==
          std::vector<std::string>{"Maladie", "Rendez-vous médical", "Raison familiale", "Autre raison"});
    CHECK_FALSE(form.can_confirm); // no reason chosen yet
    CHECK(form.problem == "Choisissez une raison");
    k.command(Command::ConfirmAbsence); // refused: nothing is written
    CHECK(k.app().screen() == Screen::Absence);
    CHECK(*k.store().outbox_count() == waiting);

    k.pick(0);
    k.command(Command::AbsenceToLater);
    k.command(Command::AbsenceToLater);
    form = k.app().absence_view();
    CHECK(form.reason == 0);
    CHECK(form.to == "mercredi 9 décembre");
    CHECK(form.summary == "Absence de " + before.children.front() + " : 3 jours, du 7 au 9 décembre 2026");
    CHECK(form.problem.empty());
    REQUIRE(form.can_confirm);
    k.command(Command::ConfirmAbsence);

    REQUIRE(k.app().screen() == Screen::ParentWeek);
    auto after = k.app().week_view();
    CHECK(after.message == "Absence enregistrée : " + before.children.front() + ", du 7 au 9 décembre 2026");
    for (const auto& row : after.rows) {
        // Monday and Tuesday run every activity; Wednesday runs none in this school.
        CHECK(row.cells[0].state == app::CellState::Absent);
        CHECK(row.cells[1].state == app::CellState::Absent);
        CHECK(row.cells[1].label == "Absent");
        CHECK(row.cells[2].state == app::CellState::NotRun);
        CHECK(row.cells[3].state != app::CellState::Absent);
    }
    // Stored with its own outbox row, every field of protocol::AbsenceDeclared readable by UUID.
    auto pending = *k.store().outbox_pending(100);
    REQUIRE(pending.size() == static_cast<std::size_t>(waiting + 1));
    CHECK(pending.back().kind == store::kAbsenceOutboxKind);
    auto declared = *k.store().absence_declarations().get(pending.back().event);
    REQUIRE(declared.has_value());
    CHECK(declared->reason == "maladie");
    CHECK(declared->from == Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}});
    CHECK(declared->to == Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{9}});
    CHECK(declared->made_at == k.clock.now());
    CHECK(declared->family.value > 0);
    // The family's recent changes list it, waiting until the portal acknowledges it.
    REQUIRE_FALSE(after.recent.empty());
    CHECK(after.recent.front().text ==
          before.children.front() + " · absence · du 7 au 9 décembre 2026 · maladie");
    CHECK(after.recent.front().state == "en attente d'envoi");
    REQUIRE(k.store().outbox_acknowledge(std::vector<Uuid>{pending.back().event}).ok());
    CHECK(k.app().week_view().recent.front().state == "envoyée");
}

TEST_CASE("an absence cannot start before today nor end before it starts, and Back leaves it unwritten") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    k.command(Command::OpenAbsence);
    k.pick(1);
    k.command(Command::AbsenceFromEarlier);
    auto form = k.app().absence_view();
    CHECK(form.from == "dimanche 6 décembre");
    CHECK_FALSE(form.can_confirm);
    CHECK(form.problem == "Une absence commence aujourd'hui au plus tôt");
    k.command(Command::AbsenceFromLater);
    k.command(Command::AbsenceToEarlier);
    form = k.app().absence_view();
    CHECK_FALSE(form.can_confirm);
    CHECK(form.problem == "Le dernier jour est avant le premier");
    CHECK(form.summary.empty());
    // Moving the first day past the last carries the last one along.
    k.command(Command::AbsenceFromLater);
    form = k.app().absence_view();
    CHECK(form.from == "mardi 8 décembre");
    CHECK(form.to == "mardi 8 décembre");
    CHECK(form.summary.ends_with(": 1 jour, le 8 décembre 2026"));
    auto waiting = *k.store().outbox_count();
    k.command(Command::Back);
    CHECK(k.app().screen() == Screen::ParentWeek);
    CHECK(*k.store().outbox_count() == waiting);
    CHECK(*k.store().absence_declarations().count() == 0);
}

TEST_CASE("the absence form speaks English when asked") {
    AppKiosk k(app::Language::English);
    k.tap(k.demo_uid("Parent"));
    k.command(Command::OpenAbsence);
    auto form = k.app().absence_view();
    CHECK(form.reasons.front() == "Illness");
    CHECK(form.problem == "Choose a reason");
    CHECK(form.confirm_button == "Confirm the absence");
}
