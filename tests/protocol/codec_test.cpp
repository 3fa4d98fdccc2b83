// The protocol's JSON: every message survives a round trip, and decoding refuses bad input with the
// JSON path of the problem.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/stored_page.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::protocol;
using namespace std::chrono;

namespace {

Date date_of(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, std::chrono::day{d}};
}

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Uuid uuid(std::string_view text) {
    return *Uuid::parse(text);
}

const std::string kId1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const std::string kId2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

std::string error_of(const auto& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

} // namespace

namespace {

// A page with one change of every kind, the family's name carrying what JSON must escape.
PullResponse every_kind_of_change() {
    PullResponse page;
    page.cursor = 8;
    page.more = MorePages::Yes;
    page.changes.push_back(
        {1, ChangeKind::Upsert,
         Family{FamilyId{3}, SiteId{1}, "BLENFANCE-12087-0042", "Famille \"Martin\" \\ Lefèvre"}});
    page.changes.push_back(
        {2, ChangeKind::Upsert, Guardian{GuardianId{4}, FamilyId{3}, "Anne", "Martin", "0600000000"}});
    Child child;
    child.id = ChildId{5};
    child.family = FamilyId{3};
    child.first_name = "Léa";
    child.last_name = "Martin";
    child.class_name = "CP-A";
    child.diet = Diet::NoPork;
    child.pai = true;
    child.authorised_adults.push_back({"Mme Durand", "grand-mère", "0611111111"});
    page.changes.push_back({3, ChangeKind::Upsert, child});
    page.changes.push_back(
        {4, ChangeKind::Delete, Badge{"04A1B2C3", HolderKind::Child, 5, BadgeState::Revoked}});
    page.changes.push_back({5, ChangeKind::Upsert, canteen(ActivityId{2})});
    page.changes.push_back(
        {6, ChangeKind::Upsert,
         ClosedPeriodRecord{
             7, {date_of(2026, 12, 19), date_of(2027, 1, 3), ClosureKind::SchoolHoliday, "Noël"}}});
    page.changes.push_back(
        {7, ChangeKind::Upsert,
         ReservationRecord{{ChildId{5}, ActivityId{2}, date_of(2027, 5, 7)}, ReservationState::Cancelled}});
    page.changes.push_back({8, ChangeKind::Upsert,
                            Absence{AbsenceId{9}, ChildId{5}, date_of(2027, 5, 3), date_of(2027, 5, 4),
                                    "maladie", Justification::Justified}});

    return page;
}

} // namespace

TEST_CASE("a pull page of every kind of change survives encoding and decoding") {
    const PullResponse page = every_kind_of_change();
    const Child& child = std::get<Child>(page.changes[2].data);
    auto decoded = decode_pull_response(encode(page));
    REQUIRE(decoded.ok());
    CHECK(decoded->cursor == 8);
    CHECK(decoded->more == MorePages::Yes);
    REQUIRE(decoded->changes.size() == 8);
    CHECK(std::get<Family>(decoded->changes[0].data).subscriber_code == "BLENFANCE-12087-0042");
    CHECK(std::get<Guardian>(decoded->changes[1].data).phone == "0600000000");
    const Child& back = std::get<Child>(decoded->changes[2].data);
    CHECK(back.first_name == "Léa");
    CHECK(back.diet == Diet::NoPork);
    CHECK(back.pai);
    CHECK(back.authorised_adults == child.authorised_adults);
    CHECK(decoded->changes[3].kind == ChangeKind::Delete);
    CHECK(std::get<Badge>(decoded->changes[3].data).state == BadgeState::Revoked);
    const Activity& activity = std::get<Activity>(decoded->changes[4].data);
    CHECK(activity.code == canteen(ActivityId{2}).code);
    CHECK(activity.opening.days == canteen(ActivityId{2}).opening.days);
    CHECK(activity.opening.start == TimeOfDay::at(11, 30));
    CHECK(activity.deadline == DeadlineRule{});
    CHECK(std::get<ClosedPeriodRecord>(decoded->changes[5].data).period.label == "Noël");
    CHECK(std::get<ReservationRecord>(decoded->changes[6].data).state == ReservationState::Cancelled);
    CHECK(std::get<Absence>(decoded->changes[7].data).justification == Justification::Justified);
    CHECK(std::get<Family>(decoded->changes[0].data).name == "Famille \"Martin\" \\ Lefèvre");
}

// The portal answers a pull with its change log's JSON as it is (stored_page.hpp): a kiosk must not be
// able to tell.
TEST_CASE("a page written from the stored records is byte for byte the page written from the records") {
    const PullResponse page = every_kind_of_change();
    StoredPage stored;
    stored.cursor = page.cursor;
    stored.more = page.more;
    for (const Change& change : page.changes)
        stored.changes.push_back(
            {change.seq, change.kind, std::string(entity_key(change.data)), encode_change_data(change.data)});
    CHECK(encode(stored) == encode(page));
    auto decoded = decode_stored_page(stored);
    REQUIRE(decoded.ok());
    CHECK(encode(*decoded) == encode(page));

    stored.more = MorePages::No;
    stored.changes.clear();
    CHECK(encode(stored) == encode(PullResponse{page.cursor, MorePages::No, {}}));
    CHECK(decode_pull_response(encode(stored)).ok());
}

TEST_CASE("a stored record that does not decode is named by its sequence number") {
    StoredPage stored;
    stored.cursor = 12;
    stored.changes.push_back({12, ChangeKind::Upsert, "child", R"({"id":5})"});
    const std::string message = error_of(decode_stored_page(stored));
    CHECK_THAT(message, Catch::Contains("change 12 (child) is unreadable") && Catch::Contains("family"));
}

TEST_CASE("a push of each kind of event survives encoding and decoding") {
    AttendanceEvent arrival;
    arrival.id = uuid(kId1);
    arrival.child = ChildId{5};
    arrival.activity = ActivityId{2};
    arrival.day = date_of(2027, 5, 7);
    arrival.flag = AttendanceFlag::NotReserved;
    arrival.at = at("2027-05-07T11:42:10+02:00");
    arrival.badge_uid = "04A1B2C3";
    AttendanceEvent undo = arrival;
    undo.id = uuid(kId2);
    undo.kind = EventKind::Void;
    undo.capture = Capture::Manual;
    undo.badge_uid.clear();
    undo.recorded_by = StaffId{3};
    undo.voids = arrival.id;

    PushRequest push;
    push.events = {arrival, undo,
                   BookingIntent{uuid(kId1), ChildId{5}, ActivityId{2}, date_of(2027, 5, 10),
                                 BookingAction::Cancel, at("2027-05-06T09:59:59+02:00")},
                   AbsenceDeclared{uuid(kId2), ChildId{5}, date_of(2027, 5, 11), date_of(2027, 5, 12),
                                   "rendez-vous", at("2027-05-06T08:00:00+02:00")},
                   StaffCorrection{uuid(kId1), StaffId{3}, ChildId{5}, ActivityId{2}, date_of(2027, 5, 7),
                                   CorrectionKind::MarkPresent, "badge oublié",
                                   at("2027-05-07T13:00:00+02:00")}};

    auto decoded = decode_push_request(encode(push));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->events.size() == 5);
    const auto& first = std::get<AttendanceEvent>(decoded->events[0]);
    CHECK(first.id == arrival.id);
    CHECK(first.flag == AttendanceFlag::NotReserved);
    CHECK(first.at == arrival.at);
    CHECK(first.badge_uid == "04A1B2C3");
    const auto& second = std::get<AttendanceEvent>(decoded->events[1]);
    CHECK(second.kind == EventKind::Void);
    CHECK(second.voids == arrival.id);
    CHECK(second.recorded_by == StaffId{3});
    const auto& intent = std::get<BookingIntent>(decoded->events[2]);
    CHECK(intent.action == BookingAction::Cancel);
    CHECK(intent.made_at == at("2027-05-06T07:59:59Z"));
    CHECK(std::get<AbsenceDeclared>(decoded->events[3]).to == date_of(2027, 5, 12));
    CHECK(std::get<StaffCorrection>(decoded->events[4]).note == "badge oublié");
    CHECK(event_id(decoded->events[4]) == uuid(kId1));
}

TEST_CASE("a duplicate result carries the original outcome and its reason") {
    PushResponse response;
    response.results = {
        {uuid(kId1), Outcome::Accepted, Outcome::Accepted, "", ""},
        {uuid(kId2), Outcome::Duplicate, Outcome::Refused, "too_late", "Trop tard pour le 7 mai"}};
    auto decoded = decode_push_response(encode(response));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->results.size() == 2);
    CHECK(decoded->results[0].outcome == Outcome::Accepted);
    CHECK(decoded->results[1].outcome == Outcome::Duplicate);
    CHECK(decoded->results[1].original == Outcome::Refused);
    CHECK(decoded->results[1].reason == "too_late");
    CHECK(decoded->results[1].message == "Trop tard pour le 7 mai");
}

TEST_CASE("enrollment, time and error messages survive encoding and decoding") {
    auto request = decode_enroll_request(encode(EnrollRequest{"K7Q2-9XZD", "préau"}));
    REQUIRE(request.ok());
    CHECK(request->code == "K7Q2-9XZD");
    CHECK(request->kiosk_name == "préau");
    auto response = decode_enroll_response(encode(EnrollResponse{"secret", SiteId{4}, "École Jules Ferry"}));
    REQUIRE(response.ok());
    CHECK(response->site == SiteId{4});
    auto time = decode_time_response(encode(TimeResponse{at("2027-01-15T08:00:00+01:00")}));
    REQUIRE(time.ok());
    CHECK(time->server_time == at("2027-01-15T07:00:00Z"));
    auto error = decode_error_response(encode(ErrorResponse{"no token"}));
    REQUIRE(error.ok());
    CHECK(error->message == "no token");
}

TEST_CASE("a bad day in the fourth event is reported with its JSON path") {
    const std::string body =
        R"({"events":[)"
        R"({"type":"booking","id":")" +
        kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-10","action":"book","made_at":"2027-05-06T09:00:00+02:00"},)"
        R"({"type":"booking","id":")" +
        kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-10","action":"book","made_at":"2027-05-06T09:00:00+02:00"},)"
        R"({"type":"booking","id":")" +
        kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-10","action":"book","made_at":"2027-05-06T09:00:00+02:00"},)"
        R"({"type":"booking","id":")" +
        kId1 +
        R"(","child":5,"activity":2,"day":"10/05/2027","action":"book","made_at":"2027-05-06T09:00:00+02:00"}]})";
    const std::string message = error_of(decode_push_request(body));
    CHECK_THAT(message, Catch::StartsWith("events[3].day: expected YYYY-MM-DD"));
}

TEST_CASE("an unknown field is refused rather than ignored") {
    CHECK(error_of(decode_enroll_request(R"({"code":"A","kiosk_name":"b","admin":true})")) ==
          "admin: unknown field");
    const std::string body =
        R"({"events":[{"type":"booking","id":")" + kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-10","action":"book","made_at":"2027-05-06T09:00:00+02:00","priority":1}]})";
    CHECK(error_of(decode_push_request(body)) == "events[0].priority: unknown field");
}

TEST_CASE("a missing field or a wrong type names the field") {
    CHECK(error_of(decode_enroll_request(R"({"code":"A"})")) == "kiosk_name: missing");
    CHECK(error_of(decode_enroll_request(R"({"code":7,"kiosk_name":"b"})")) == "code: expected a string");
    CHECK(error_of(decode_push_request(R"({"events":{}})")) == "events: expected an array");
    CHECK(error_of(decode_push_request(R"({"events":[3]})")) == "events[0]: expected an object");
    CHECK(error_of(decode_pull_response(R"({"cursor":"1","more":false,"changes":[]})")) ==
          "cursor: expected an integer");
    CHECK(error_of(decode_pull_response(R"({"cursor":1.5,"more":false,"changes":[]})")) ==
          "cursor: expected an integer");
    CHECK(error_of(decode_push_request("[]")) == "body: expected an object");
}

TEST_CASE("an unknown event type or enum key lists what is accepted") {
    CHECK_THAT(error_of(decode_push_request(R"({"events":[{"type":"payment"}]})")),
               Catch::StartsWith("events[0].type: expected attendance, booking, absence, correction, "
                                 "badge_assigned or pin_changed"));
    const std::string body =
        R"({"events":[{"type":"booking","id":")" + kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-10","action":"maybe","made_at":"2027-05-06T09:00:00+02:00"}]})";
    CHECK_THAT(error_of(decode_push_request(body)),
               Catch::StartsWith("events[0].action: expected one of book, cancel"));
}

TEST_CASE("a void attendance event must name the event it cancels") {
    const std::string body =
        R"({"events":[{"type":"attendance","id":")" + kId1 +
        R"(","child":5,"activity":2,"day":"2027-05-07","kind":"void","capture":"manual","flag":"none","at":"2027-05-07T11:00:00+02:00"}]})";
    CHECK_THAT(error_of(decode_push_request(body)), Catch::StartsWith("events[0].voids: missing"));
}

TEST_CASE("a nested change error names the path inside the page") {
    const std::string body =
        R"({"cursor":3,"more":false,"changes":[{"seq":3,"kind":"upsert","entity":"activity","data":{"id":2,"code":"cantine","name":"x","kind":"meal","opening":{"days":"mon","start":"25:00","end":"13:30"},"reservation":"required","departure":"off","deadline":{"working_days_before":2,"hour":"10:00","working_days":"mon,tue"}}}]})";
    CHECK_THAT(error_of(decode_pull_response(body)),
               Catch::StartsWith("changes[0].data.opening.start: expected HH:MM"));
}

TEST_CASE("a change numbered past the page's cursor is refused") {
    const std::string body =
        R"({"cursor":3,"more":false,"changes":[{"seq":4,"kind":"delete","entity":"guardian","data":{"id":1,"family":1,"first_name":"a","last_name":"b","phone":""}}]})";
    CHECK_THAT(error_of(decode_pull_response(body)), Catch::StartsWith("changes[0].seq:"));
}

TEST_CASE("malformed JSON is refused with what broke") {
    CHECK_THAT(error_of(decode_push_request(R"({"events":[)")), Catch::StartsWith("malformed JSON"));
    CHECK_THAT(error_of(decode_push_request("")), Catch::StartsWith("malformed JSON"));
    std::string deep(100, '[');
    CHECK_THAT(error_of(decode_push_request(deep)), Catch::StartsWith("malformed JSON"));
}

TEST_CASE("the pull query needs a cursor and bounds the page size") {
    auto request = decode_pull_query(encode_query(PullRequest{42, 100, SiteId{3}}));
    REQUIRE(request.ok());
    CHECK(request->after == 42);
    CHECK(request->limit == 100);
    CHECK(request->site == SiteId{3});
    CHECK_FALSE(decode_pull_query("after=0")->site);
    CHECK_THAT(error_of(decode_pull_query("after=1&site=0")),
               Catch::StartsWith("site: expected a positive id"));
    CHECK(decode_pull_query("after=0")->limit == PullRequest{}.limit);
    CHECK_THAT(error_of(decode_pull_query("limit=10")), Catch::StartsWith("after: missing"));
    CHECK_THAT(error_of(decode_pull_query("after=-1")), Catch::StartsWith("after:"));
    CHECK_THAT(error_of(decode_pull_query("after=1&limit=0")), Catch::StartsWith("limit: expected 1 to"));
    CHECK_THAT(error_of(decode_pull_query("after=1&limit=99999")), Catch::StartsWith("limit: expected 1 to"));
    CHECK_THAT(error_of(decode_pull_query("after=x")), Catch::StartsWith("after: expected an integer"));
    CHECK_THAT(error_of(decode_pull_query("after=1&after=2")), Catch::Contains("repeated"));
    CHECK_THAT(error_of(decode_pull_query("after=1&sort=desc")), Catch::Contains("unknown"));
}
