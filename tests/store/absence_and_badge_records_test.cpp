// Schema v4: parents' absence declarations and staff's badge assignments, each written with its
// outbox row in one transaction and read back by UUID for the sync client.
#include "badgeuse/store/test_support.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

AbsenceDeclaration sample_declaration(std::uint64_t n) {
    AbsenceDeclaration d;
    d.id = uuid_of(n);
    d.family = FamilyId{42};
    d.child = ChildId{1001};
    d.from = day(2026, 12, 8);
    d.to = day(2026, 12, 10);
    d.reason = "rendez-vous médical";
    d.made_at = instant_ms(1'796'000'000'000 + static_cast<std::int64_t>(n));
    return d;
}

} // namespace

TEST_CASE("a declared absence is stored with its outbox row and shows as an absence at once") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    CHECK(require_ok(store.record_absence_declaration(sample_declaration(1))) == RecordOutcome::Recorded);
    auto pending = require_ok(store.outbox_pending(10));
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == kAbsenceOutboxKind);
    CHECK(pending[0].event == uuid_of(1));
    auto stored = require_ok(store.absence_declarations().get(uuid_of(1)));
    REQUIRE(stored.has_value());
    auto expected = sample_declaration(1);
    expected.local_absence = stored->local_absence;
    CHECK(*stored == expected);
    CHECK(stored->local_absence.value < 0); // never a portal id
    auto covering = require_ok(store.absences().covering(ChildId{1001}, day(2026, 12, 9)));
    REQUIRE(covering.size() == 1);
    CHECK(covering[0].id == stored->local_absence);
    CHECK(covering[0].reason == "rendez-vous médical");
    CHECK(require_ok(store.absences().covering(ChildId{1001}, day(2026, 12, 11))).empty());
}

TEST_CASE("declaring the same absence twice writes nothing the second time") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    REQUIRE(require_ok(store.record_absence_declaration(sample_declaration(1))) == RecordOutcome::Recorded);
    CHECK(require_ok(store.record_absence_declaration(sample_declaration(1))) ==
          RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.outbox_count()) == 1);
    CHECK(require_ok(store.absences().for_child(ChildId{1001})).size() == 1);
    // A second absence gets the next negative id, so two kiosk absences never collide either.
    REQUIRE(require_ok(store.record_absence_declaration(sample_declaration(2))) == RecordOutcome::Recorded);
    auto first = require_ok(store.absence_declarations().get(uuid_of(1)));
    auto second = require_ok(store.absence_declarations().get(uuid_of(2)));
    CHECK(second->local_absence.value == first->local_absence.value - 1);
    CHECK(require_ok(store.absence_declarations().for_child(ChildId{1001})).front().id == uuid_of(2));
}

TEST_CASE("an absence for a child the kiosk does not know is refused and leaves nothing behind") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    auto unknown = sample_declaration(3);
    unknown.child = ChildId{999};
    CHECK_FALSE(store.record_absence_declaration(unknown).ok());
    CHECK(require_ok(store.outbox_count()) == 0);
    CHECK(require_ok(store.absence_declarations().count()) == 0);
}

TEST_CASE("a badge given to a child is active at once and queued for the portal") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    BadgeAssignment given{uuid_of(7), StaffId{3}, "04AABBCCDD", ChildId{1001}, instant_ms(1'796'000'123'000)};
    CHECK(require_ok(store.record_badge_assignment(given)) == RecordOutcome::Recorded);
    auto badge = require_ok(store.badges().find("04AABBCCDD"));
    REQUIRE(badge.has_value());
    CHECK(badge->holder_kind == HolderKind::Child);
    CHECK(badge->holder_id == 1001);
    CHECK(badge->state == BadgeState::Active);
    auto pending = require_ok(store.outbox_pending(10));
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == kBadgeAssignmentOutboxKind);
    CHECK(require_ok(store.badge_assignments().get(uuid_of(7))) == std::optional<BadgeAssignment>{given});
    CHECK(require_ok(store.record_badge_assignment(given)) == RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.outbox_count()) == 1);
    CHECK_FALSE(require_ok(store.badge_assignments().get(uuid_of(8))).has_value());
}

TEST_CASE("a PIN chosen at the kiosk replaces the hash, uses up the reset, clears the tries and is queued") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.pins().set_hash("family:42", "$argon2id$old"));
    require_ok(store.pins().set_lockout("family:42", PinLockoutRow{3, std::nullopt}));
    require_ok(store.pin_changes().set_reset("family:42",
                                             PinReset{"$argon2id$code", instant_ms(1'796'100'000'000)}));
    CHECK(require_ok(store.pin_changes().reset("family:42")) ==
          std::optional<PinReset>{PinReset{"$argon2id$code", instant_ms(1'796'100'000'000)}});
    PinChange change{uuid_of(9), "family", 42, "$argon2id$new", instant_ms(1'796'000'000'000)};
    CHECK(require_ok(store.record_pin_change(change)) == RecordOutcome::Recorded);
    CHECK(require_ok(store.pins().hash("family:42")) == std::optional<std::string>{"$argon2id$new"});
    CHECK_FALSE(require_ok(store.pin_changes().reset("family:42")).has_value());
    CHECK(require_ok(store.pins().lockout("family:42")).failures == 0);
    auto pending = require_ok(store.outbox_pending(10));
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == kPinChangedOutboxKind);
    CHECK(require_ok(store.pin_changes().get(uuid_of(9))) == std::optional<PinChange>{change});
    CHECK(require_ok(store.record_pin_change(change)) == RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.outbox_count()) == 1);
    PinChange odd{uuid_of(10), "guardian", 42, "$argon2id$x", instant_ms(1)};
    CHECK_FALSE(store.record_pin_change(odd).ok());
    CHECK(require_ok(store.outbox_count()) == 1);
}

TEST_CASE("a version 3 file is upgraded to version 4 and gains the absence, badge and PIN change tables") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto old = require_ok(test_support::open_at_version(path, 3));
        add_sample_people(old);
        CHECK_FALSE(old.record_absence_declaration(sample_declaration(1)).ok()); // no table yet
        require_ok(old.set_pull_cursor("page-7"));
    }
    auto store = open_store(path);
    CHECK(store.schema_version() == 4);
    CHECK(store.compatible_version() == 1); // new tables only: older builds still read the file
    CHECK(require_ok(store.pull_cursor()) == "page-7");
    CHECK(require_ok(store.record_absence_declaration(sample_declaration(1))) == RecordOutcome::Recorded);
    BadgeAssignment given{uuid_of(2), StaffId{3}, "04AABBCCDD", ChildId{1001}, instant_ms(1)};
    CHECK(require_ok(store.record_badge_assignment(given)) == RecordOutcome::Recorded);
    CHECK(require_ok(store.record_pin_change({uuid_of(3), "staff", 3, "$argon2id$h", instant_ms(2)})) ==
          RecordOutcome::Recorded);
    CHECK(require_ok(store.outbox_count()) == 3);
}
