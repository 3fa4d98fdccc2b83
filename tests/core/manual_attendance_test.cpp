// Staff's manual arrivals, departures and undo on Thursday 10 December 2026, and who may take a child
// home from evening care.
#include "badgeuse/core/badge_assignment.hpp"
#include "badgeuse/core/manual_attendance.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}
Instant at(const char* text) {
    return *paris::parse_iso8601(text);
}

struct Evening {
    Date today = day("2026-12-10");
    Activity canteen_ = canteen(ActivityId{2});
    Activity care = evening_care(ActivityId{3});
    Calendar calendar{
        {{day("2026-12-19"), day("2027-01-03"), ClosureKind::SchoolHoliday, "Vacances de Noël"}}};
    Child lea{
        ChildId{1},     FamilyId{1}, "Léa", "Martin", "CP-A",
        Diet::Standard, false,       false, "",       {{"Monique Lefèvre", "grand-mère", "06 11 22 33 44"}}};
    std::vector<Guardian> guardians = {{GuardianId{11}, FamilyId{1}, "Sophie", "Martin", "06 00 00 00 01"},
                                       {GuardianId{12}, FamilyId{2}, "Paul", "Bernard", "06 00 00 00 02"}};
    std::vector<Reservation> reservations = {{lea.id, ActivityId{3}, today}};
    std::vector<Absence> absences;
    std::vector<AttendanceEvent> events;
    int next = 1;

    ManualDecision decide(ManualAction action, const Activity& activity, const char* when,
                          std::string picked_up_by = {}) {
        ManualInput input;
        input.now = at(when);
        input.action = action;
        input.child = &lea;
        input.activity = &activity;
        input.calendar = &calendar;
        input.reservations = reservations;
        input.absences = absences;
        input.events = events;
        input.guardians = guardians;
        input.picked_up_by = std::move(picked_up_by);
        return decide_manual(input);
    }
    // Records what the decision says, as the app would.
    void record(const ManualDecision& d, const char* when) {
        REQUIRE(d.event);
        AttendanceEvent e;
        e.id = *Uuid::parse("00000000-0000-4000-8000-00000000000" + std::to_string(next++));
        e.child = lea.id;
        e.activity = d.event->activity;
        e.day = d.event->day;
        e.kind = d.event->kind;
        e.capture = Capture::Manual;
        e.flag = d.event->flag;
        e.at = at(when);
        e.voids = d.voids;
        e.picked_up_by = d.picked_up_by;
        events.push_back(e);
    }
};

} // namespace

TEST_CASE("a manual arrival is flagged like a tap: not reserved, declared absent, or not at all") {
    Evening s;
    auto booked = s.decide(ManualAction::Arrival, s.care, "2026-12-10T16:40:00+01:00");
    REQUIRE(booked.outcome == ManualOutcome::Record);
    CHECK(booked.event->kind == EventKind::Arrival);
    CHECK(booked.event->flag == AttendanceFlag::None);
    CHECK(booked.event->activity == s.care.id);
    auto unbooked = s.decide(ManualAction::Arrival, s.canteen_, "2026-12-10T12:00:00+01:00");
    CHECK(unbooked.event->flag == AttendanceFlag::NotReserved);
    s.absences.push_back({AbsenceId{1}, s.lea.id, s.today, s.today, "maladie", Justification::Unjustified});
    CHECK(s.decide(ManualAction::Arrival, s.care, "2026-12-10T16:40:00+01:00").event->flag ==
          AttendanceFlag::DeclaredAbsent);
}

TEST_CASE("a second manual arrival records nothing and says when the first was") {
    Evening s;
    s.record(s.decide(ManualAction::Arrival, s.care, "2026-12-10T16:40:00+01:00"),
             "2026-12-10T16:40:00+01:00");
    auto again = s.decide(ManualAction::Arrival, s.care, "2026-12-10T17:00:00+01:00");
    CHECK(again.outcome == ManualOutcome::AlreadyArrived);
    CHECK_FALSE(again.event.has_value());
    CHECK(again.earlier == at("2026-12-10T16:40:00+01:00"));
}

TEST_CASE("nothing is recorded by hand on a day the activity does not run") {
    Evening s;
    CHECK(s.decide(ManualAction::Arrival, s.care, "2026-12-09T17:00:00+01:00").outcome ==
          ManualOutcome::NotRunToday); // a Wednesday
    CHECK(s.decide(ManualAction::Arrival, s.care, "2026-12-21T17:00:00+01:00").outcome ==
          ManualOutcome::NotRunToday); // the Christmas holidays
}

TEST_CASE("evening care lets Léa go only with a guardian or an authorised adult") {
    Evening s;
    CHECK(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00", "Sophie Martin").outcome ==
          ManualOutcome::NotArrived);
    s.record(s.decide(ManualAction::Arrival, s.care, "2026-12-10T16:40:00+01:00"),
             "2026-12-10T16:40:00+01:00");
    CHECK(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00").outcome ==
          ManualOutcome::PickUpMissing);
    CHECK(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00", "Jean Inconnu").outcome ==
          ManualOutcome::PickUpNotAuthorised);
    // Another family's parent is no one Léa may leave with.
    CHECK(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00", "Paul Bernard").outcome ==
          ManualOutcome::PickUpNotAuthorised);
    auto grandmother =
        s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00", "LEFEVRE monique");
    REQUIRE(grandmother.outcome == ManualOutcome::Record);
    CHECK(grandmother.picked_up_by == "Monique Lefèvre");
    CHECK(grandmother.event->kind == EventKind::Departure);
    s.record(grandmother, "2026-12-10T18:00:00+01:00");
    CHECK(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:05:00+01:00", "Sophie Martin").outcome ==
          ManualOutcome::AlreadyDeparted);
}

TEST_CASE("the canteen keeps no departures, by badge or by hand") {
    Evening s;
    s.record(s.decide(ManualAction::Arrival, s.canteen_, "2026-12-10T12:00:00+01:00"),
             "2026-12-10T12:00:00+01:00");
    CHECK(
        s.decide(ManualAction::Departure, s.canteen_, "2026-12-10T13:00:00+01:00", "Sophie Martin").outcome ==
        ManualOutcome::DeparturesNotKept);
}

TEST_CASE("undo voids the latest event that counts, then the one before, then nothing") {
    Evening s;
    CHECK(s.decide(ManualAction::Undo, s.care, "2026-12-10T16:00:00+01:00").outcome ==
          ManualOutcome::NothingToUndo);
    s.record(s.decide(ManualAction::Arrival, s.care, "2026-12-10T16:40:00+01:00"),
             "2026-12-10T16:40:00+01:00");
    s.record(s.decide(ManualAction::Departure, s.care, "2026-12-10T18:00:00+01:00", "Sophie Martin"),
             "2026-12-10T18:00:00+01:00");
    auto undo_departure = s.decide(ManualAction::Undo, s.care, "2026-12-10T18:01:00+01:00");
    REQUIRE(undo_departure.outcome == ManualOutcome::Record);
    CHECK(undo_departure.event->kind == EventKind::Void);
    CHECK(undo_departure.voids == s.events[1].id);
    CHECK(undo_departure.voided_kind == EventKind::Departure);
    s.record(undo_departure, "2026-12-10T18:01:00+01:00");
    auto undo_arrival = s.decide(ManualAction::Undo, s.care, "2026-12-10T18:02:00+01:00");
    CHECK(undo_arrival.voids == s.events[0].id);
    s.record(undo_arrival, "2026-12-10T18:02:00+01:00");
    CHECK(s.decide(ManualAction::Undo, s.care, "2026-12-10T18:03:00+01:00").outcome ==
          ManualOutcome::NothingToUndo);
    // With the wrong arrival gone, a new one may be recorded.
    CHECK(s.decide(ManualAction::Arrival, s.care, "2026-12-10T18:03:00+01:00").outcome ==
          ManualOutcome::Record);
}

TEST_CASE("the adults offered for a pick-up are the family's guardians then the authorised adults") {
    Evening s;
    auto adults = pick_up_adults(s.lea, s.guardians);
    REQUIRE(adults.size() == 2);
    CHECK(adults[0].name == "Sophie Martin");
    CHECK(adults[0].relation == "parent");
    CHECK(adults[1].name == "Monique Lefèvre");
    CHECK(adults[1].relation == "grand-mère");
}

TEST_CASE("a badge nobody holds, or the child's own, may be given to the child, not another's") {
    CHECK(check_badge_assignment(std::nullopt, ChildId{1}) == BadgeAssignmentProblem::None);
    CHECK(check_badge_assignment(Badge{"04AA", HolderKind::Child, 1, BadgeState::Revoked}, ChildId{1}) ==
          BadgeAssignmentProblem::None);
    CHECK(check_badge_assignment(Badge{"04AA", HolderKind::Child, 2, BadgeState::Active}, ChildId{1}) ==
          BadgeAssignmentProblem::HeldByAnother);
    CHECK(check_badge_assignment(Badge{"04AA", HolderKind::Staff, 1, BadgeState::Active}, ChildId{1}) ==
          BadgeAssignmentProblem::HeldByAnother);
}
