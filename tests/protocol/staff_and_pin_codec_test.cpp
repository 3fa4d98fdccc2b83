// The protocol's staff and PIN records and the kiosk's badge-assignment and PIN-change events: round
// trips, and bad input refused with the JSON path.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::protocol;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

const std::string kId = "0f8fad5b-d9cb-469f-a165-70867728950e";
const std::string kHash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";

std::string error_of(const auto& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

std::string page_with(std::string_view entity, std::string_view data) {
    return R"({"cursor":1,"more":false,"changes":[{"seq":1,"kind":"upsert","entity":")" +
           std::string(entity) + R"(","data":)" + std::string(data) + "}]}";
}

std::string push_of(std::string_view event) {
    return R"({"events":[)" + std::string(event) + "]}";
}

} // namespace

TEST_CASE("a staff member and PIN records survive a pull page") {
    PullResponse page;
    page.cursor = 3;
    page.changes.push_back(
        {1, ChangeKind::Upsert, StaffMember{StaffId{7}, SiteId{2}, "Nadia", "Benali", "animatrice"}});
    page.changes.push_back({2, ChangeKind::Upsert, PinRecord{PinSubject::Family, 12, kHash, "", {}}});
    page.changes.push_back(
        {3, ChangeKind::Upsert,
         PinRecord{PinSubject::Staff, 7, "", kHash + "x", at("2027-01-18T09:00:00+01:00")}});

    auto decoded = decode_pull_response(encode(page));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->changes.size() == 3);
    const auto& staff = std::get<StaffMember>(decoded->changes[0].data);
    CHECK(staff.id == StaffId{7});
    CHECK(staff.site == SiteId{2});
    CHECK(staff.first_name == "Nadia");
    CHECK(staff.role == "animatrice");
    const auto& family_pin = std::get<PinRecord>(decoded->changes[1].data);
    CHECK(family_pin.subject == PinSubject::Family);
    CHECK(family_pin.id == 12);
    CHECK(family_pin.pin_hash == kHash);
    CHECK(family_pin.reset_code_hash.empty());
    const auto& staff_pin = std::get<PinRecord>(decoded->changes[2].data);
    CHECK(staff_pin.subject == PinSubject::Staff);
    CHECK(staff_pin.pin_hash.empty());
    CHECK(staff_pin.reset_code_hash == kHash + "x");
    CHECK(staff_pin.reset_expires == at("2027-01-18T08:00:00Z"));
}

TEST_CASE("a PIN record without a pending reset sends no reset fields") {
    const std::string text = encode_change_data(PinRecord{PinSubject::Family, 12, kHash, "", {}});
    CHECK(text.find("reset") == std::string::npos);
    CHECK(entity_key(PinRecord{}) == "pin");
    CHECK(entity_key(StaffMember{}) == "staff");
    auto back = decode_change_data("pin", text);
    REQUIRE(back.ok());
    CHECK(std::get<PinRecord>(*back).pin_hash == kHash);
}

TEST_CASE("badge assignments and PIN changes survive a push") {
    PushRequest push;
    push.events = {
        BadgeAssigned{*Uuid::parse(kId), StaffId{7}, "04A1B2C3", ChildId{5}, at("2027-01-15T08:10:00+01:00")},
        PinChanged{*Uuid::parse(kId), PinSubject::Staff, 7, kHash, at("2027-01-15T08:11:00+01:00")}};
    auto decoded = decode_push_request(encode(push));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->events.size() == 2);
    const auto& assigned = std::get<BadgeAssigned>(decoded->events[0]);
    CHECK(assigned.staff == StaffId{7});
    CHECK(assigned.badge_uid == "04A1B2C3");
    CHECK(assigned.child == ChildId{5});
    CHECK(assigned.made_at == at("2027-01-15T07:10:00Z"));
    const auto& changed = std::get<PinChanged>(decoded->events[1]);
    CHECK(changed.subject == PinSubject::Staff);
    CHECK(changed.subject_id == 7);
    CHECK(changed.pin_hash == kHash);
    CHECK(event_id(decoded->events[1]) == *Uuid::parse(kId));
}

TEST_CASE("a bad staff or PIN record names its path") {
    CHECK(error_of(decode_pull_response(page_with(
              "staff", R"({"id":7,"site":2,"first_name":"N","last_name":"B","role":"x","badge":"04A1"})"))) ==
          "changes[0].data.badge: unknown field");
    CHECK(error_of(decode_pull_response(
              page_with("staff", R"({"id":7,"site":"2","first_name":"N","last_name":"B","role":"x"})"))) ==
          "changes[0].data.site: expected an integer");
    CHECK_THAT(
        error_of(decode_pull_response(page_with("pin", R"({"subject":"parent","id":1,"pin_hash":""})"))),
        Catch::StartsWith("changes[0].data.subject: expected one of family, staff"));
    CHECK(error_of(decode_pull_response(page_with("pin", R"({"subject":"family","id":0,"pin_hash":""})"))) ==
          "changes[0].data.id: expected a positive id");
    CHECK(error_of(decode_pull_response(
              page_with("pin", R"({"subject":"family","id":1,"pin_hash":"","reset_code_hash":"h"})"))) ==
          "changes[0].data.reset_expires: missing");
    CHECK_THAT(
        error_of(decode_pull_response(page_with(
            "pin",
            R"({"subject":"family","id":1,"pin_hash":"","reset_expires":"2027-01-18T09:00:00+01:00"})"))),
        Catch::StartsWith("changes[0].data.reset_expires: only a pending reset"));
    CHECK_THAT(error_of(decode_change_data("pins", R"({})")), Catch::Contains("staff or pin"));
}

TEST_CASE("a bad badge assignment or PIN change names its field") {
    const std::string assigned_start = R"({"type":"badge_assigned","id":")" + kId + R"(","staff":7,)";
    CHECK_THAT(error_of(decode_push_request(
                   push_of(assigned_start +
                           R"("badge_uid":"04:a1:b2:c3","child":5,"made_at":"2027-01-15T08:10:00+01:00"})"))),
               Catch::StartsWith("events[0].badge_uid: expected upper-case hexadecimal"));
    CHECK(error_of(decode_push_request(push_of(
              assigned_start + R"("badge_uid":"04A1B2C3","made_at":"2027-01-15T08:10:00+01:00"})"))) ==
          "events[0].child: missing");
    const std::string changed_start = R"({"type":"pin_changed","id":")" + kId + R"(","subject":"staff",)";
    CHECK(error_of(decode_push_request(push_of(
              changed_start + R"("subject_id":7,"pin_hash":"","made_at":"2027-01-15T08:10:00+01:00"})"))) ==
          "events[0].pin_hash: expected the new PIN's hash");
    CHECK(error_of(decode_push_request(push_of(
              changed_start +
              R"("subject_id":7,"pin_hash":"h","pin":"1234","made_at":"2027-01-15T08:10:00+01:00"})"))) ==
          "events[0].pin: unknown field");
    CHECK(
        error_of(decode_push_request(push_of(
            changed_start + R"("subject_id":true,"pin_hash":"h","made_at":"2027-01-15T08:10:00+01:00"})"))) ==
        "events[0].subject_id: expected an integer");
}
