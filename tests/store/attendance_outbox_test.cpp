// Attendance events, their outbox rows, acknowledgements and the pull cursor.
#include "badgeuse/store/store.hpp"
#include "badgeuse/store/test_support.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

std::vector<Uuid> pending_events(Store& store) {
    std::vector<Uuid> events;
    for (const OutboxEntry& entry : require_ok(store.outbox_pending(1000)))
        events.push_back(entry.event);
    return events;
}

} // namespace

TEST_CASE("an attendance event round-trips field by field") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    const AttendanceEvent written = sample_event(1);
    CHECK(require_ok(store.record_attendance(written)) == RecordOutcome::Recorded);
    auto read = require_ok(store.attendance().get(written.id));
    REQUIRE(read.has_value());
    CHECK(read->id == written.id);
    CHECK(read->child == written.child);
    CHECK(read->activity == written.activity);
    CHECK(read->day == written.day);
    CHECK(read->kind == written.kind);
    CHECK(read->capture == written.capture);
    CHECK(read->flag == written.flag);
    CHECK(read->at == written.at);
    CHECK(read->badge_uid == written.badge_uid);
    CHECK(read->recorded_by == written.recorded_by);
    CHECK(read->picked_up_by == written.picked_up_by);
    CHECK(read->voids == written.voids);
    CHECK_FALSE(require_ok(store.attendance().get(uuid_of(2))).has_value());
}

TEST_CASE("a badge arrival keeps its empty fields empty") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    AttendanceEvent arrival;
    arrival.id = uuid_of(5);
    arrival.child = ChildId{1001};
    arrival.activity = ActivityId{2};
    arrival.day = day(2027, 5, 4);
    arrival.at = instant_ms(1'809'424'800'000);
    require_ok(store.record_attendance(arrival));
    auto read = require_ok(store.attendance().get(arrival.id));
    REQUIRE(read.has_value());
    CHECK(read->kind == EventKind::Arrival);
    CHECK(read->capture == Capture::Badge);
    CHECK(read->flag == AttendanceFlag::None);
    CHECK(read->badge_uid.empty());
    CHECK_FALSE(read->recorded_by);
    CHECK(read->picked_up_by.empty());
    CHECK(read->voids.is_nil());
}

TEST_CASE("events are listed for a child's day and for a day's activity, in time order") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto event = [](std::uint64_t n, std::int64_t child, std::int64_t activity, unsigned d, std::int64_t at) {
        AttendanceEvent e = sample_event(n);
        e.child = ChildId{child};
        e.activity = ActivityId{activity};
        e.day = day(2027, 5, d);
        e.at = instant_ms(at);
        return e;
    };
    require_ok(store.record_attendance(event(1, 1001, 3, 4, 300)));
    require_ok(store.record_attendance(event(2, 1001, 2, 4, 100)));
    require_ok(store.record_attendance(event(3, 1002, 3, 4, 200)));
    require_ok(store.record_attendance(event(4, 1001, 3, 5, 50)));

    auto child_day = require_ok(store.attendance().for_child_on(ChildId{1001}, day(2027, 5, 4)));
    REQUIRE(child_day.size() == 2);
    CHECK(child_day[0].id == uuid_of(2));
    CHECK(child_day[1].id == uuid_of(1));

    auto roster = require_ok(store.attendance().for_day(day(2027, 5, 4), ActivityId{3}));
    REQUIRE(roster.size() == 2);
    CHECK(roster[0].id == uuid_of(3));
    CHECK(roster[1].id == uuid_of(1));
    CHECK(require_ok(store.attendance().count()) == 4);
}

TEST_CASE("an attendance event and its outbox row are written together") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    const auto before = std::chrono::system_clock::now();
    require_ok(store.record_attendance(sample_event(1)));
    auto pending = require_ok(store.outbox_pending(10));
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].event == uuid_of(1));
    CHECK(pending[0].kind == kAttendanceOutboxKind);
    CHECK(pending[0].seq > 0);
    CHECK(pending[0].created_at >=
          std::chrono::floor<std::chrono::milliseconds>(before) - std::chrono::seconds{1});
    CHECK(pending[0].created_at <= std::chrono::system_clock::now() + std::chrono::seconds{1});
    CHECK(require_ok(store.outbox_count()) == 1);
}

TEST_CASE("recording the same event twice keeps one event and one outbox row") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    AttendanceEvent event = sample_event(1);
    CHECK(require_ok(store.record_attendance(event)) == RecordOutcome::Recorded);
    AttendanceEvent retry = event;
    retry.picked_up_by = "someone else";
    CHECK(require_ok(store.record_attendance(retry)) == RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.attendance().count()) == 1);
    CHECK(require_ok(store.outbox_count()) == 1);
    CHECK(require_ok(store.attendance().get(event.id))->picked_up_by == "Jeanne Martin");
}

TEST_CASE("an event recorded again after the portal acknowledged it is not queued again") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.record_attendance(sample_event(1)));
    const std::vector<Uuid> acked = {uuid_of(1)};
    CHECK(require_ok(store.outbox_acknowledge(acked)) == 1);
    CHECK(require_ok(store.record_attendance(sample_event(1))) == RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.outbox_count()) == 0);
}

TEST_CASE("an event that came from the portal is stored without being queued to go back") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    CHECK(require_ok(store.record_attendance(sample_event(1), EventOrigin::Portal)) ==
          RecordOutcome::Recorded);
    CHECK(require_ok(store.attendance().get(uuid_of(1))).has_value());
    CHECK(require_ok(store.outbox_count()) == 0);
    CHECK(require_ok(store.record_attendance(sample_event(1))) == RecordOutcome::AlreadyRecorded);
    CHECK(require_ok(store.outbox_count()) == 0);
}

TEST_CASE("an event without a UUID is refused") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    AttendanceEvent event = sample_event(1);
    event.id = Uuid{};
    CHECK_FALSE(store.record_attendance(event).ok());
    CHECK(require_ok(store.attendance().count()) == 0);
}

TEST_CASE("acknowledging deletes only the acknowledged outbox rows") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    for (std::uint64_t n = 1; n <= 4; ++n)
        require_ok(store.record_attendance(sample_event(n)));
    const std::vector<Uuid> acked = {uuid_of(1), uuid_of(3), uuid_of(99)};
    CHECK(require_ok(store.outbox_acknowledge(acked)) == 2);
    CHECK(pending_events(store) == std::vector<Uuid>{uuid_of(2), uuid_of(4)});
    CHECK(require_ok(store.outbox_count()) == 2);
    // The events themselves stay: the outbox only says what is left to push.
    CHECK(require_ok(store.attendance().count()) == 4);
}

TEST_CASE("the outbox gives the oldest rows first, up to the limit") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    for (std::uint64_t n : {5, 3, 9, 1})
        require_ok(store.record_attendance(sample_event(n)));
    auto first = require_ok(store.outbox_pending(2));
    REQUIRE(first.size() == 2);
    CHECK(first[0].event == uuid_of(5));
    CHECK(first[1].event == uuid_of(3));
    CHECK(first[0].seq < first[1].seq);
    CHECK(require_ok(store.outbox_pending(0)).empty());
}

TEST_CASE("outbox sequence numbers are never reused after acknowledgements") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    std::int64_t last_seq = 0;
    {
        auto store = open_store(path);
        require_ok(store.record_attendance(sample_event(1)));
        require_ok(store.record_attendance(sample_event(2)));
        last_seq = require_ok(store.outbox_pending(10)).back().seq;
        const std::vector<Uuid> acked = {uuid_of(1), uuid_of(2)};
        require_ok(store.outbox_acknowledge(acked));
    }
    auto store = open_store(path);
    require_ok(store.record_attendance(sample_event(3)));
    CHECK(require_ok(store.outbox_pending(10)).front().seq > last_seq);
}

TEST_CASE("the pull cursor is empty at first and persists across a reopen") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto store = open_store(path);
        CHECK(require_ok(store.pull_cursor()).empty());
        require_ok(store.set_pull_cursor("2027-05-04T10:00:00Z#118"));
        require_ok(store.set_pull_cursor("2027-05-04T10:05:00Z#131"));
    }
    auto store = open_store(path);
    CHECK(require_ok(store.pull_cursor()) == "2027-05-04T10:05:00Z#131");
}

TEST_CASE("refused taps are kept newest first") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.refused_taps().record({"04A1B2C3", instant_ms(1000), "unknown_badge"}));
    require_ok(store.refused_taps().record({"04FFEEDD", instant_ms(3000), "revoked_badge"}));
    require_ok(store.refused_taps().record({"04A1B2C3", instant_ms(2000), "unknown_badge"}));
    auto recent = require_ok(store.refused_taps().recent(2));
    REQUIRE(recent.size() == 2);
    CHECK(recent[0] == RefusedTap{"04FFEEDD", instant_ms(3000), "revoked_badge"});
    CHECK(recent[1] == RefusedTap{"04A1B2C3", instant_ms(2000), "unknown_badge"});
    CHECK(require_ok(store.refused_taps().count()) == 3);
    CHECK(require_ok(store.outbox_count()) == 0);
}
