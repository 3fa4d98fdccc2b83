// The PortalStore methods behind `portal status`, /metrics and the web API, on both backends:
// kiosks' last contact, web tokens, a child's site, a day's reservations.
#include "../portal/store_backends.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/secrets.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::testing;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

template <typename Backend>
struct Fixture {
    TempDir dir;
    DatabaseUrl url = Backend::fresh(dir);
    std::unique_ptr<PortalStore> store;
    SiteId ferry;
    SiteId curie;

    Fixture() {
        auto opened = open_portal_store(url, OpenMode::CreateIfMissing);
        INFO((opened.ok() ? "" : opened.error().message));
        REQUIRE(opened.ok());
        store = std::move(*opened);
        ferry = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
        curie = *store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});
    }

    KioskIdentity enroll(SiteId site, const std::string& name) {
        const std::string code = "CODE-" + name;
        REQUIRE(store->add_enrollment_code(site, name, hash_secret(code), at("2027-01-01T00:00:00Z")).ok());
        auto enrolled = store->enroll(hash_secret(code), "device", hash_secret("token-" + name),
                                      at("2026-12-01T08:00:00+01:00"));
        REQUIRE(enrolled.ok());
        REQUIRE(enrolled->failure == EnrollFailure::None);
        return enrolled->kiosk;
    }
};

} // namespace

TEMPLATE_TEST_CASE("each kiosk's last contact and outbox are kept, the latest overwriting", "[store]", SQLite,
                   PostgreSQL) {
    Fixture<TestType> f;
    const KioskIdentity preau = f.enroll(f.ferry, "préau");
    const KioskIdentity cantine = f.enroll(f.ferry, "cantine");
    const KioskIdentity hall = f.enroll(f.curie, "hall");
    REQUIRE(f.store->record_contact(preau.id, at("2026-12-04T08:00:00+01:00"), 5).ok());
    REQUIRE(f.store->record_contact(preau.id, at("2026-12-04T08:00:30+01:00"), 2).ok());
    REQUIRE(f.store->record_contact(hall.id, at("2026-12-04T07:00:00+01:00"), 0).ok());

    auto contacts = f.store->kiosk_contacts();
    REQUIRE(contacts.ok());
    REQUIRE(contacts->size() == 3);
    // By site name ("École Curie" < "École Jules Ferry"), then kiosk name.
    CHECK((*contacts)[0].kiosk.name == "hall");
    CHECK((*contacts)[0].site_name == "École Curie");
    CHECK((*contacts)[1].kiosk.id == cantine.id);
    CHECK_FALSE((*contacts)[1].last_contact.has_value());
    CHECK((*contacts)[2].kiosk.id == preau.id);
    CHECK((*contacts)[2].kiosk.site == f.ferry);
    REQUIRE((*contacts)[2].last_contact.has_value());
    CHECK(*(*contacts)[2].last_contact == at("2026-12-04T08:00:30+01:00"));
    CHECK((*contacts)[2].events_waiting == 2);
}

TEMPLATE_TEST_CASE("a web token is found by its hash only", "[store]", SQLite, PostgreSQL) {
    Fixture<TestType> f;
    REQUIRE(
        f.store->add_web_token("site-mairie", hash_secret("secret"), at("2026-12-04T08:00:00+01:00")).ok());
    auto found = f.store->web_token_name(hash_secret("secret"));
    REQUIRE(found.ok());
    CHECK(*found == std::optional<std::string>{"site-mairie"});
    CHECK_FALSE(f.store->web_token_name(hash_secret("other"))->has_value());
    CHECK_FALSE(f.store->web_token_name("secret")->has_value());
}

TEMPLATE_TEST_CASE("a child's site and a day's reservations of one activity", "[store]", SQLite, PostgreSQL) {
    Fixture<TestType> f;
    Child lea;
    lea.family = FamilyId{1};
    lea.first_name = "Léa";
    Child tom = lea;
    tom.first_name = "Tom";
    const Date day = *parse_date("2026-12-10");
    auto written = f.store->commit(
        f.ferry,
        {{protocol::ChangeKind::Upsert, Family{FamilyId{}, f.ferry, "JF-1", "Martin"}},
         {protocol::ChangeKind::Upsert, lea},
         {protocol::ChangeKind::Upsert, tom},
         {protocol::ChangeKind::Upsert, canteen(ActivityId{})},
         {protocol::ChangeKind::Upsert,
          protocol::ReservationRecord{{ChildId{2}, ActivityId{1}, day}, protocol::ReservationState::Booked}},
         {protocol::ChangeKind::Upsert, protocol::ReservationRecord{{ChildId{1}, ActivityId{1}, day},
                                                                    protocol::ReservationState::Cancelled}},
         {protocol::ChangeKind::Upsert,
          protocol::ReservationRecord{{ChildId{1}, ActivityId{1}, add_days(day, 1)},
                                      protocol::ReservationState::Booked}}});
    REQUIRE(written.ok());
    CHECK(*f.store->site_of_child(ChildId{1}) == std::optional<SiteId>{f.ferry});
    CHECK_FALSE(f.store->site_of_child(ChildId{42})->has_value());

    auto records = f.store->reservations_on(f.ferry, ActivityId{1}, day);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 2);
    CHECK((*records)[0].reservation.child == ChildId{1});
    CHECK((*records)[0].state == protocol::ReservationState::Cancelled);
    CHECK((*records)[1].reservation.child == ChildId{2});
    CHECK((*records)[1].state == protocol::ReservationState::Booked);
    CHECK(f.store->reservations_on(f.curie, ActivityId{1}, day)->empty());
}
