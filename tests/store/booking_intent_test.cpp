// Schema v3: booking intents with their outbox rows and effect on reservations, PIN hashes, lockouts.
#include "badgeuse/store/test_support.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

BookingIntent sample_intent(std::uint64_t n, BookingAction action) {
    BookingIntent intent;
    intent.id = uuid_of(n);
    intent.family = FamilyId{42};
    intent.child = ChildId{1001};
    intent.activity = ActivityId{3};
    intent.day = day(2026, 12, 10);
    intent.action = action;
    intent.made_at = instant_ms(1'796'000'000'000 + static_cast<std::int64_t>(n));
    return intent;
}

} // namespace

TEST_CASE("a booking intent is stored with its outbox row and books the day locally") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    CHECK(require_ok(store.record_booking_intent(sample_intent(1, BookingAction::Book))) ==
          RecordOutcome::Recorded);
    CHECK(require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2026, 12, 10))));
    auto pending = require_ok(store.outbox_pending(10));
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == kBookingIntentOutboxKind);
    CHECK(pending[0].event == uuid_of(1));
    auto stored = require_ok(store.booking_intents().get(uuid_of(1)));
    REQUIRE(stored.has_value());
    CHECK(*stored == sample_intent(1, BookingAction::Book));
}

TEST_CASE("a cancellation intent removes the local reservation and the same UUID twice writes once") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.reservations().add({ChildId{1001}, ActivityId{3}, day(2026, 12, 10)}));
    CHECK(require_ok(store.record_booking_intent(sample_intent(2, BookingAction::Cancel))) ==
          RecordOutcome::Recorded);
    CHECK(require_ok(store.record_booking_intent(sample_intent(2, BookingAction::Cancel))) ==
          RecordOutcome::AlreadyRecorded);
    CHECK_FALSE(
        require_ok(store.reservations().is_reserved(ChildId{1001}, ActivityId{3}, day(2026, 12, 10))));
    CHECK(require_ok(store.outbox_count()) == 1);
    CHECK(require_ok(store.booking_intents().count()) == 1);
}

TEST_CASE("a family's recent intents come newest first with the portal's answer") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    for (std::uint64_t n = 1; n <= 3; ++n)
        require_ok(store.record_booking_intent(sample_intent(n, BookingAction::Book)));
    require_ok(store.booking_intents().set_state(uuid_of(2), IntentState::Refused, "délai dépassé"));
    auto recent = require_ok(store.booking_intents().recent_for_family(FamilyId{42}, 2));
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].id == uuid_of(3));
    CHECK(recent[1].state == IntentState::Refused);
    CHECK(recent[1].refusal == "délai dépassé");
    CHECK(require_ok(store.booking_intents().recent_for_family(FamilyId{7}, 10)).empty());
}

TEST_CASE("PIN hashes and lockouts are kept per subject and survive reopening") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto store = open_store(path);
        CHECK_FALSE(require_ok(store.pins().hash("family:42")).has_value());
        CHECK(require_ok(store.pins().lockout("family:42")) == PinLockoutRow{});
        require_ok(store.pins().set_hash("family:42", "$argon2id$v=19$fake"));
        require_ok(store.pins().set_lockout("family:42", {5, instant_ms(1'800'000'000'000)}));
        require_ok(store.pins().set_lockout("staff:3", {2, std::nullopt}));
    }
    auto store = open_store(path);
    CHECK(require_ok(store.pins().hash("family:42")) == std::optional<std::string>{"$argon2id$v=19$fake"});
    CHECK(require_ok(store.pins().lockout("family:42")) == PinLockoutRow{5, instant_ms(1'800'000'000'000)});
    CHECK(require_ok(store.pins().lockout("staff:3")) == PinLockoutRow{2, std::nullopt});
}

TEST_CASE("a version 2 file is upgraded to version 3 and gains the intent and PIN tables") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto old = require_ok(test_support::open_at_version(path, 2));
        CHECK_FALSE(old.pins().set_hash("family:1", "x").ok());
        require_ok(old.set_pull_cursor("page-3"));
    }
    auto store = open_store(path);
    add_sample_people(store);
    CHECK(store.schema_version() == kSchemaVersion); // through 3, to the latest
    CHECK(require_ok(store.pull_cursor()) == "page-3");
    require_ok(store.pins().set_hash("family:1", "x"));
    CHECK(require_ok(store.record_booking_intent(sample_intent(9, BookingAction::Book))) ==
          RecordOutcome::Recorded);
}
