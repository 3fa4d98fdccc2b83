// The check-in decision on a real-looking Thursday at École Jules Ferry: every verdict.
#include "badgeuse/core/check_in.hpp"
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

// Thursday 10 December 2026, with the Christmas holidays from the 19th.
struct SchoolDay {
    Date today = day("2026-12-10");
    std::vector<Activity> activities = {morning_care(ActivityId{1}), canteen(ActivityId{2}),
                                        evening_care(ActivityId{3})};
    Calendar calendar{
        {{day("2026-12-19"), day("2027-01-03"), ClosureKind::SchoolHoliday, "Vacances de Noël"}}};

    Child lea{ChildId{1}, FamilyId{1}, "Léa", "Martin", "CP-A", Diet::Standard, false, false, "", {}};
    Child noe{ChildId{2}, FamilyId{2}, "Noé", "Bernard", "CE1", Diet::NoPork, false, false, "", {}};
    Child chloe{ChildId{3}, FamilyId{3}, "Chloé", "Petit", "MS", Diet::Standard, false, false, "", {}};
    Child jules{ChildId{4}, FamilyId{4}, "Jules",
                "Durand",   "CM2",       Diet::Vegetarian,
                true,       true,        "Allergie arachide — trousse PAI en salle des maîtres",
                {}};

    Badge lea_badge{"04A1B2C3D4E5F6", HolderKind::Child, 1, BadgeState::Active};
    Badge noe_badge{"04B2C3D4E5F607", HolderKind::Child, 2, BadgeState::Active};
    Badge chloe_badge{"04C3D4E5F60718", HolderKind::Child, 3, BadgeState::Active};
    Badge jules_badge{"04D4E5F6071829", HolderKind::Child, 4, BadgeState::Active};
    Badge lost_badge{"DEADBEEF", HolderKind::Child, 1, BadgeState::Revoked};
    Badge parent_badge{"0A0B0C0D", HolderKind::Guardian, 11, BadgeState::Active};

    std::vector<Reservation> reservations = {
        {lea.id, ActivityId{2}, today},   {lea.id, ActivityId{3}, today},   {chloe.id, ActivityId{2}, today},
        {jules.id, ActivityId{1}, today}, {jules.id, ActivityId{2}, today},
    };
    std::vector<Absence> absences = {
        {AbsenceId{1}, chloe.id, day("2026-12-09"), day("2026-12-11"), "maladie", Justification::Justified}};
    std::vector<AttendanceEvent> events;

    CheckInDecision tap(const Badge* badge, const Child* child, const char* when) {
        std::vector<Reservation> mine;
        std::vector<Absence> my_absences;
        std::vector<AttendanceEvent> my_events;
        if (child != nullptr) {
            for (const auto& r : reservations)
                if (r.child == child->id)
                    mine.push_back(r);
            for (const auto& a : absences)
                if (a.child == child->id)
                    my_absences.push_back(a);
            for (const auto& e : events)
                if (e.child == child->id)
                    my_events.push_back(e);
        }
        CheckInInput input;
        input.now = at(when);
        input.badge = badge;
        input.child = child;
        input.activities = activities;
        input.calendar = &calendar;
        input.reservations = mine;
        input.absences = my_absences;
        input.events = my_events;
        auto decision = decide_check_in(input);
        if (decision.event) {
            // What the app does after the decision: record the event.
            AttendanceEvent event;
            std::array<std::uint8_t, 16> bytes{};
            bytes[0] = static_cast<std::uint8_t>(events.size() + 1);
            event.id = Uuid::from_random_bytes(bytes);
            event.child = child->id;
            event.activity = decision.event->activity;
            event.day = decision.event->day;
            event.kind = decision.event->kind;
            event.flag = decision.event->flag;
            event.at = input.now;
            events.push_back(event);
        }
        return decision;
    }
};

} // namespace

TEST_CASE("Léa, booked for the canteen, is welcomed by name with the canteen") {
    SchoolDay school;
    auto d = school.tap(&school.lea_badge, &school.lea, "2026-12-10T11:41:00+01:00");
    CHECK(d.verdict == Verdict::Welcome);
    CHECK(tone_of(d.verdict) == Tone::Green);
    CHECK(d.first_name == "Léa");
    CHECK(d.activity_name == "Restauration scolaire");
    CHECK(d.activity_kind == ActivityKind::Meal);
    REQUIRE(d.event.has_value());
    CHECK(d.event->kind == EventKind::Arrival);
    CHECK(d.event->flag == AttendanceFlag::None);
    CHECK(d.event->day == school.today);
    CHECK_FALSE(d.health_marker);
}

TEST_CASE("Noé, not booked, is accepted at the canteen but flagged for staff and billing") {
    SchoolDay school;
    auto d = school.tap(&school.noe_badge, &school.noe, "2026-12-10T11:45:00+01:00");
    CHECK(d.verdict == Verdict::AcceptedNotReserved);
    CHECK(tone_of(d.verdict) == Tone::Orange);
    REQUIRE(d.event.has_value());
    CHECK(d.event->flag == AttendanceFlag::NotReserved);
}

TEST_CASE("Chloé, declared ill, comes anyway: accepted and flagged, even though she was booked") {
    SchoolDay school;
    auto d = school.tap(&school.chloe_badge, &school.chloe, "2026-12-10T11:50:00+01:00");
    CHECK(d.verdict == Verdict::AcceptedDeclaredAbsent);
    REQUIRE(d.event.has_value());
    CHECK(d.event->flag == AttendanceFlag::DeclaredAbsent);
}

TEST_CASE("a second tap in the same slot says already recorded and records nothing") {
    SchoolDay school;
    auto first = school.tap(&school.lea_badge, &school.lea, "2026-12-10T11:41:00+01:00");
    auto second = school.tap(&school.lea_badge, &school.lea, "2026-12-10T11:43:00+01:00");
    CHECK(first.verdict == Verdict::Welcome);
    CHECK(second.verdict == Verdict::AlreadyRecorded);
    CHECK_FALSE(second.event.has_value());
    REQUIRE(second.earlier_tap.has_value());
    CHECK(paris::format_hhmm(*second.earlier_tap) == "11:41");
    CHECK(school.events.size() == 1);
}

TEST_CASE("the same child is checked in again at another activity of the day") {
    SchoolDay school;
    CHECK(school.tap(&school.jules_badge, &school.jules, "2026-12-10T07:35:00+01:00").verdict ==
          Verdict::Welcome);
    auto lunch = school.tap(&school.jules_badge, &school.jules, "2026-12-10T11:35:00+01:00");
    CHECK(lunch.verdict == Verdict::Welcome);
    CHECK(lunch.activity == ActivityId{2});
    CHECK(school.events.size() == 2);
}

TEST_CASE("a child with a PAI carries the health marker on every verdict") {
    SchoolDay school;
    auto d = school.tap(&school.jules_badge, &school.jules, "2026-12-10T11:35:00+01:00");
    CHECK(d.health_marker);
}

TEST_CASE("evening care records the arrival, then the departure, then says already recorded") {
    SchoolDay school;
    auto in = school.tap(&school.lea_badge, &school.lea, "2026-12-10T16:35:00+01:00");
    CHECK(in.verdict == Verdict::Welcome);
    auto double_tap = school.tap(&school.lea_badge, &school.lea, "2026-12-10T16:36:00+01:00");
    CHECK(double_tap.verdict == Verdict::AlreadyRecorded); // within the minimum stay: not a departure
    auto out = school.tap(&school.lea_badge, &school.lea, "2026-12-10T18:05:00+01:00");
    CHECK(out.verdict == Verdict::Goodbye);
    REQUIRE(out.event.has_value());
    CHECK(out.event->kind == EventKind::Departure);
    auto again = school.tap(&school.lea_badge, &school.lea, "2026-12-10T18:06:00+01:00");
    CHECK(again.verdict == Verdict::AlreadyRecorded);
    CHECK(paris::format_hhmm(*again.earlier_tap) == "18:05");
    CHECK(school.events.size() == 2);
}

TEST_CASE("a check-in undone by staff no longer counts: the child can tap again") {
    SchoolDay school;
    school.tap(&school.lea_badge, &school.lea, "2026-12-10T11:41:00+01:00");
    AttendanceEvent undo = school.events.back();
    undo.voids = undo.id;
    undo.id = Uuid::from_random_bytes({0xAA});
    undo.kind = EventKind::Void;
    school.events.push_back(undo);
    CHECK(school.tap(&school.lea_badge, &school.lea, "2026-12-10T11:44:00+01:00").verdict ==
          Verdict::Welcome);
}

TEST_CASE("an unknown badge is refused and kept for staff") {
    SchoolDay school;
    auto d = school.tap(nullptr, nullptr, "2026-12-10T11:41:00+01:00");
    CHECK(d.verdict == Verdict::UnknownBadge);
    CHECK(tone_of(d.verdict) == Tone::Red);
    CHECK(d.record_refusal);
    CHECK_FALSE(d.event.has_value());
}

TEST_CASE("a revoked badge is refused and kept for staff, even when its child exists") {
    SchoolDay school;
    auto d = school.tap(&school.lost_badge, &school.lea, "2026-12-10T11:41:00+01:00");
    CHECK(d.verdict == Verdict::RevokedBadge);
    CHECK(d.record_refusal);
    CHECK_FALSE(d.event.has_value());
    CHECK(d.first_name.empty()); // a lost badge must not greet its former holder
}

TEST_CASE("a child badge whose child the kiosk does not know is refused") {
    SchoolDay school;
    auto d = school.tap(&school.lea_badge, nullptr, "2026-12-10T11:41:00+01:00");
    CHECK(d.verdict == Verdict::UnknownBadge);
    CHECK(d.record_refusal);
}

TEST_CASE("a parent's badge is not a check-in: it names the guardian to sign in") {
    SchoolDay school;
    auto d = school.tap(&school.parent_badge, nullptr, "2026-12-10T11:41:00+01:00");
    CHECK(d.verdict == Verdict::NotAChildBadge);
    CHECK(d.holder_kind == HolderKind::Guardian);
    CHECK(d.holder_id == 11);
    CHECK_FALSE(d.event.has_value());
}

TEST_CASE("between activities the tap is refused with the next opening time") {
    SchoolDay school;
    auto d = school.tap(&school.lea_badge, &school.lea, "2026-12-10T09:15:00+01:00");
    CHECK(d.verdict == Verdict::NoActivityOpen);
    CHECK_FALSE(d.event.has_value());
    REQUIRE(d.next_opening.has_value());
    CHECK(paris::format_iso8601(*d.next_opening) == "2026-12-10T11:30:00+01:00");
    CHECK(d.next_activity_name == "Restauration scolaire");
}

TEST_CASE("at the closing minute the activity is over: 13:30 is refused, 13:29 accepted") {
    SchoolDay school;
    CHECK(school.tap(&school.noe_badge, &school.noe, "2026-12-10T13:30:00+01:00").verdict ==
          Verdict::NoActivityOpen);
    CHECK(school.tap(&school.noe_badge, &school.noe, "2026-12-10T13:29:59+01:00").verdict ==
          Verdict::AcceptedNotReserved);
}

TEST_CASE("on Wednesday and during the holidays nothing is open; the next opening is after them") {
    SchoolDay school;
    auto wednesday = school.tap(&school.lea_badge, &school.lea, "2026-12-09T11:45:00+01:00");
    CHECK(wednesday.verdict == Verdict::NoActivityOpen);
    CHECK(paris::format_iso8601(*wednesday.next_opening) == "2026-12-10T07:00:00+01:00");

    auto holidays = school.tap(&school.lea_badge, &school.lea, "2026-12-22T11:45:00+01:00");
    CHECK(holidays.verdict == Verdict::NoActivityOpen);
    CHECK(paris::format_iso8601(*holidays.next_opening) == "2027-01-04T07:00:00+01:00");
    CHECK(holidays.next_activity_name == "Périscolaire matin");
}

TEST_CASE("an activity that needs no booking welcomes every child without a flag") {
    SchoolDay school;
    school.activities[0].reservation = ReservationPolicy::NotRequired;
    auto d = school.tap(&school.noe_badge, &school.noe, "2026-12-10T07:10:00+01:00");
    CHECK(d.verdict == Verdict::Welcome);
    CHECK(d.event->flag == AttendanceFlag::None);
}
