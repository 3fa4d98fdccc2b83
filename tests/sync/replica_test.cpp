// The store's Replica on a real SQLite file: every kind of pulled change lands in its repository and a
// delete removes it; a page applied twice changes nothing; the outbox goes out as protocol events and
// the portal's answers settle it.
#include "../store/store_fixtures.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/store/test_support.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;
using protocol::Change;
using protocol::ChangeKind;

namespace {

protocol::PullResponse page_of(std::int64_t cursor, std::vector<Change> changes,
                               protocol::MorePages more = protocol::MorePages::No) {
    return protocol::PullResponse{cursor, more, std::move(changes)};
}

Guardian sample_guardian() {
    return Guardian{GuardianId{501}, FamilyId{42}, "Claire", "Martin", "06 01 02 03 04"};
}

StaffMember sample_staff() {
    return StaffMember{StaffId{12}, SiteId{7}, "Nadia", "Benali", "animatrice"};
}

// Every kind of record the portal sends, each upserted once: seq 1..11.
std::vector<Change> one_of_each() {
    std::vector<Change> changes;
    std::int64_t seq = 0;
    auto add = [&](protocol::ChangeData data) {
        changes.push_back({++seq, ChangeKind::Upsert, std::move(data)});
    };
    add(sample_family());
    add(sample_guardian());
    add(sample_activity());
    add(sample_child());
    add(Badge{"04A1B2C3D4E5F6", HolderKind::Child, 1001, BadgeState::Active});
    add(protocol::ClosedPeriodRecord{
        77, {day(2026, 12, 19), day(2027, 1, 3), ClosureKind::SchoolHoliday, "Vacances de Noël"}});
    add(protocol::ReservationRecord{{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)},
                                    protocol::ReservationState::Booked});
    add(Absence{AbsenceId{900}, ChildId{1001}, day(2027, 5, 10), day(2027, 5, 12), "maladie",
                Justification::Justified});
    add(sample_staff());
    add(protocol::PinRecord{protocol::PinSubject::Family, 42, "$argon2id$v=19$fake-family", "", {}});
    add(protocol::PinRecord{protocol::PinSubject::Staff, 12, "$argon2id$v=19$fake-staff", "", {}});
    return changes;
}

std::string count_of(Store& store, std::string_view table) {
    return require_ok(test_support::query_text(store, "SELECT count(*) FROM " + std::string(table)));
}

// Every table the pulled changes write, as one comparable text.
std::string snapshot(Store& store) {
    std::string text;
    for (std::string_view table :
         {"site", "family", "guardian", "child", "authorised_adult", "badge", "activity", "closed_period",
          "reservation", "absence", "staff", "pin_credential"})
        text += std::string(table) + "=" + count_of(store, table) + ";";
    text += "cursor=" + require_ok(store.pull_cursor());
    return text;
}

} // namespace

TEST_CASE("a pulled page of every kind of record is applied and read back from the store") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    StoreReplica replica(store);
    CHECK(require_ok(replica.cursor()) == 0);
    require_ok(replica.apply_page(page_of(11, one_of_each())));
    CHECK(require_ok(replica.cursor()) == 11);

    auto family = require_ok(store.families().get(FamilyId{42}));
    REQUIRE(family);
    CHECK(family->subscriber_code == "BLENFANCE-12087-0042");
    CHECK(family->site == SiteId{7});
    CHECK(require_ok(store.sites().get(SiteId{7})).has_value()); // the site's row the foreign key needs
    auto guardian = require_ok(store.guardians().get(GuardianId{501}));
    REQUIRE(guardian);
    CHECK(guardian->phone == "06 01 02 03 04");
    auto activity = require_ok(store.activities().get(ActivityId{3}));
    REQUIRE(activity);
    CHECK(activity->code == "peri-soir");
    auto child = require_ok(store.children().get(ChildId{1001}));
    REQUIRE(child);
    CHECK(child->first_name == "Léa");
    CHECK(child->authorised_adults.size() == 2);
    auto badge = require_ok(store.badges().find("04A1B2C3D4E5F6"));
    REQUIRE(badge);
    CHECK(badge->holder_id == 1001);
    auto periods = require_ok(store.closed_periods().list());
    REQUIRE(periods.size() == 1);
    CHECK(periods[0].label == "Vacances de Noël");
    CHECK(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2027, 5, 4))));
    auto absence = require_ok(store.absences().get(AbsenceId{900}));
    REQUIRE(absence);
    CHECK(absence->reason == "maladie");
    CHECK(require_ok(store.staff().get(StaffId{12})).has_value());
    CHECK(require_ok(store.pins().hash("family:42")) ==
          std::optional<std::string>{"$argon2id$v=19$fake-family"});
    CHECK(require_ok(store.pins().hash("staff:12")) ==
          std::optional<std::string>{"$argon2id$v=19$fake-staff"});
}

TEST_CASE("pulled deletes and cancellations remove what earlier pages brought") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    StoreReplica replica(store);
    auto first = one_of_each();
    require_ok(replica.apply_page(page_of(11, first)));

    std::vector<Change> removals;
    std::int64_t seq = 11;
    // A parent's cancellation on the web arrives as the reservation cancelled.
    removals.push_back({++seq, ChangeKind::Upsert,
                        protocol::ReservationRecord{{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)},
                                                    protocol::ReservationState::Cancelled}});
    for (std::size_t i : {10u, 9u, 8u, 7u, 5u, 4u, 1u, 3u, 2u, 0u}) // PINs, staff, absence ... family last
        removals.push_back({++seq, ChangeKind::Delete, first[i].data});
    require_ok(replica.apply_page(page_of(seq, removals)));

    CHECK_FALSE(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2027, 5, 4))));
    CHECK_FALSE(require_ok(store.families().get(FamilyId{42})).has_value());
    CHECK_FALSE(require_ok(store.guardians().get(GuardianId{501})).has_value());
    CHECK_FALSE(require_ok(store.children().get(ChildId{1001})).has_value());
    CHECK_FALSE(require_ok(store.badges().find("04A1B2C3D4E5F6")).has_value());
    CHECK_FALSE(require_ok(store.activities().get(ActivityId{3})).has_value());
    CHECK(require_ok(store.closed_periods().list()).empty());
    CHECK_FALSE(require_ok(store.absences().get(AbsenceId{900})).has_value());
    CHECK_FALSE(require_ok(store.staff().get(StaffId{12})).has_value());
    CHECK_FALSE(require_ok(store.pins().hash("family:42")).has_value());
    CHECK(count_of(store, "authorised_adult") == "0");
    CHECK(require_ok(replica.cursor()) == seq);
}

TEST_CASE("a page applied twice changes nothing the second time") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    StoreReplica replica(store);
    auto page = page_of(11, one_of_each());
    require_ok(replica.apply_page(page));
    const std::string once = snapshot(store);
    // Meanwhile a later page cancelled the booking; replaying the old page must not bring it back.
    require_ok(replica.apply_page(
        page_of(12, {{12, ChangeKind::Upsert,
                      protocol::ReservationRecord{{ChildId{1001}, ActivityId{3}, day(2027, 5, 4)},
                                                  protocol::ReservationState::Cancelled}}})));
    const std::string after_cancel = snapshot(store);
    require_ok(replica.apply_page(page));
    CHECK(snapshot(store) == after_cancel);
    CHECK(once != after_cancel);
    CHECK(require_ok(replica.cursor()) == 12);
}

TEST_CASE("a page that cannot be applied leaves neither its changes nor its cursor") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    StoreReplica replica(store);
    require_ok(replica.apply_page(page_of(11, one_of_each())));
    const std::string before = snapshot(store);
    // A guardian of a family the kiosk never heard of breaks the foreign key at commit.
    auto broken =
        page_of(13, {{12, ChangeKind::Upsert, Badge{"0A0B0C0D", HolderKind::Child, 1001, BadgeState::Active}},
                     {13, ChangeKind::Upsert, Guardian{GuardianId{9}, FamilyId{999}, "X", "Y", ""}}});
    auto applied = replica.apply_page(broken);
    CHECK_FALSE(applied.ok());
    CHECK(snapshot(store) == before);
    CHECK_FALSE(require_ok(store.badges().find("0A0B0C0D")).has_value());
}

TEST_CASE("the outbox goes out as protocol events, oldest first and limited") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    add_sample_people(store);
    StoreReplica replica(store);
    require_ok(store.record_attendance(sample_event(1)));
    BookingIntent intent{uuid_of(2),
                         FamilyId{42},
                         ChildId{1001},
                         ActivityId{3},
                         day(2027, 5, 7),
                         BookingAction::Cancel,
                         instant_ms(1'809'000'000'000),
                         IntentState::Waiting,
                         ""};
    require_ok(store.record_booking_intent(intent));
    require_ok(store.record_attendance(sample_event(3)));
    CHECK(require_ok(replica.events_waiting_count()) == 3);

    auto events = require_ok(replica.events_waiting(10));
    REQUIRE(events.size() == 3);
    REQUIRE(std::holds_alternative<AttendanceEvent>(events[0]));
    const auto& arrival = std::get<AttendanceEvent>(events[0]);
    CHECK(arrival.id == uuid_of(1));
    CHECK(arrival.picked_up_by == "Jeanne Martin");
    REQUIRE(std::holds_alternative<protocol::BookingIntent>(events[1]));
    const auto& wire = std::get<protocol::BookingIntent>(events[1]);
    CHECK(wire.id == uuid_of(2));
    CHECK(wire.action == protocol::BookingAction::Cancel);
    CHECK(wire.day == day(2027, 5, 7));
    CHECK(wire.made_at == instant_ms(1'809'000'000'000));
    CHECK(protocol::event_id(events[2]) == uuid_of(3));
    CHECK(require_ok(replica.events_waiting(2)).size() == 2);
}

TEST_CASE("the portal's answers empty the outbox and a refused booking keeps its reason") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    add_sample_people(store);
    StoreReplica replica(store);
    require_ok(store.record_attendance(sample_event(1)));
    BookingIntent refused{uuid_of(2),
                          FamilyId{42},
                          ChildId{1001},
                          ActivityId{3},
                          day(2027, 5, 7),
                          BookingAction::Book,
                          instant_ms(1'809'000'000'000),
                          IntentState::Waiting,
                          ""};
    BookingIntent accepted = refused;
    accepted.id = uuid_of(3);
    accepted.day = day(2027, 5, 14);
    require_ok(store.record_booking_intent(refused));
    require_ok(store.record_booking_intent(accepted));
    require_ok(store.record_attendance(sample_event(4))); // not in this answer: stays queued

    std::vector<protocol::EventResult> results = {
        {uuid_of(1), protocol::Outcome::Accepted, protocol::Outcome::Accepted, "", ""},
        {uuid_of(2), protocol::Outcome::Refused, protocol::Outcome::Accepted, "too_late",
         "trop tard : modifiable jusqu'au mardi 10:00"},
        {uuid_of(3), protocol::Outcome::Duplicate, protocol::Outcome::Accepted, "", ""},
    };
    CHECK(require_ok(replica.acknowledge(results)) == 3);
    CHECK(require_ok(replica.events_waiting_count()) == 1);
    auto left = require_ok(replica.events_waiting(10));
    REQUIRE(left.size() == 1);
    CHECK(protocol::event_id(left[0]) == uuid_of(4));

    auto refused_row = require_ok(store.booking_intents().get(uuid_of(2)));
    REQUIRE(refused_row);
    CHECK(refused_row->state == IntentState::Refused);
    CHECK(refused_row->refusal == "trop tard : modifiable jusqu'au mardi 10:00");
    auto accepted_row = require_ok(store.booking_intents().get(uuid_of(3)));
    REQUIRE(accepted_row);
    CHECK(accepted_row->state == IntentState::Accepted);
    // Answered again (a lost reply): nothing left to delete, nothing changes.
    CHECK(require_ok(replica.acknowledge(results)) == 0);
    CHECK(require_ok(store.booking_intents().get(uuid_of(2)))->state == IntentState::Refused);
}

TEST_CASE("the outbox listener hears each committed event once, and not a rolled-back one") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    add_sample_people(store);
    int heard = 0;
    store.set_outbox_listener([&] { ++heard; });
    require_ok(store.record_attendance(sample_event(1)));
    CHECK(heard == 1);
    require_ok(store.record_attendance(sample_event(1))); // already recorded: nothing queued
    CHECK(heard == 1);
    {
        auto transaction = require_ok(store.begin_transaction());
        require_ok(store.record_attendance(sample_event(2)));
        require_ok(store.record_attendance(sample_event(3)));
        CHECK(heard == 1); // not before the outermost commit
        require_ok(transaction.commit());
    }
    CHECK(heard == 2);
    {
        auto transaction = require_ok(store.begin_transaction());
        require_ok(store.record_attendance(sample_event(4)));
    } // dropped: rolled back
    require_ok(store.reservations().add({ChildId{1001}, ActivityId{3}, day(2027, 5, 4)}));
    CHECK(heard == 2); // a write that queues nothing is not an event
    StoreReplica replica(store);
    CHECK(require_ok(replica.events_waiting_count()) == 3);
}

TEST_CASE("absences, badges given and PINs chosen at the kiosk go out as their protocol events") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    add_sample_people(store);
    StoreReplica replica(store);
    AbsenceDeclaration declared{uuid_of(1),
                                FamilyId{42},
                                ChildId{1001},
                                day(2027, 5, 10),
                                day(2027, 5, 12),
                                "maladie",
                                instant_ms(1'809'000'000'000),
                                AbsenceId{}};
    require_ok(store.record_absence_declaration(declared));
    require_ok(store.record_badge_assignment(
        BadgeAssignment{uuid_of(2), StaffId{12}, "0A0B0C0D", ChildId{1001}, instant_ms(1'809'000'001'000)}));
    require_ok(store.record_pin_change(
        PinChange{uuid_of(3), "staff", 12, "$argon2id$v=19$new", instant_ms(1'809'000'002'000)}));

    auto events = require_ok(replica.events_waiting(10));
    REQUIRE(events.size() == 3);
    REQUIRE(std::holds_alternative<protocol::AbsenceDeclared>(events[0]));
    const auto& absence = std::get<protocol::AbsenceDeclared>(events[0]);
    CHECK(absence.child == ChildId{1001});
    CHECK(absence.from == day(2027, 5, 10));
    CHECK(absence.to == day(2027, 5, 12));
    CHECK(absence.reason == "maladie");
    REQUIRE(std::holds_alternative<protocol::BadgeAssigned>(events[1]));
    CHECK(std::get<protocol::BadgeAssigned>(events[1]).badge_uid == "0A0B0C0D");
    CHECK(std::get<protocol::BadgeAssigned>(events[1]).staff == StaffId{12});
    REQUIRE(std::holds_alternative<protocol::PinChanged>(events[2]));
    const auto& pin = std::get<protocol::PinChanged>(events[2]);
    CHECK(pin.subject == protocol::PinSubject::Staff);
    CHECK(pin.subject_id == 12);
    CHECK(pin.pin_hash == "$argon2id$v=19$new");
}

TEST_CASE("a pulled PIN reset is kept until a later record clears it") {
    TempDir dir;
    Store store = open_store(dir / "kiosk.sqlite");
    StoreReplica replica(store);
    const Instant expires = instant_ms(1'809'100'000'000);
    require_ok(replica.apply_page(page_of(
        1, {{1, ChangeKind::Upsert,
             protocol::PinRecord{protocol::PinSubject::Family, 42, "", "$argon2id$v=19$code", expires}}})));
    auto reset = require_ok(store.pin_changes().reset("family:42"));
    REQUIRE(reset);
    CHECK(reset->code_hash == "$argon2id$v=19$code");
    CHECK(reset->expires == expires);
    CHECK_FALSE(require_ok(store.pins().hash("family:42")).has_value());
    // The family chose its PIN (at this kiosk or another): the portal sends the hash, no reset.
    require_ok(replica.apply_page(
        page_of(2, {{2, ChangeKind::Upsert,
                     protocol::PinRecord{protocol::PinSubject::Family, 42, "$argon2id$v=19$pin", "", {}}}})));
    CHECK_FALSE(require_ok(store.pin_changes().reset("family:42")).has_value());
    CHECK(require_ok(store.pins().hash("family:42")) == std::optional<std::string>{"$argon2id$v=19$pin"});
}
