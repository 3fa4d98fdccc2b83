// Sites, activities, families, guardians, children, staff and badges come back as they were written.
#include "badgeuse/store/store.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

TEST_CASE("a site round-trips and an upsert replaces it") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.sites().upsert(sample_site()));
    auto site = require_ok(store.sites().get(SiteId{7}));
    REQUIRE(site.has_value());
    CHECK(site->id == SiteId{7});
    CHECK(site->name == "École Jules Ferry");
    CHECK(site->town == "Laigneville");

    require_ok(store.sites().upsert({SiteId{7}, "École Jean Jaurès", "Laigneville"}));
    require_ok(store.sites().upsert({SiteId{2}, "École du Centre", "Sailleville"}));
    auto sites = require_ok(store.sites().list());
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].id == SiteId{2});
    CHECK(sites[1].name == "École Jean Jaurès");
    CHECK_FALSE(require_ok(store.sites().get(SiteId{99})).has_value());
}

TEST_CASE("an activity round-trips with its weekdays, hours, policies and deadline rule") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    const Activity written = sample_activity();
    require_ok(store.activities().upsert(written));
    auto read = require_ok(store.activities().get(written.id));
    REQUIRE(read.has_value());
    CHECK(read->id == written.id);
    CHECK(read->code == written.code);
    CHECK(read->name == written.name);
    CHECK(read->kind == written.kind);
    CHECK(read->opening.days == written.opening.days);
    CHECK(read->opening.start == written.opening.start);
    CHECK(read->opening.end == written.opening.end);
    CHECK(read->reservation == written.reservation);
    CHECK(read->departure == written.departure);
    CHECK(read->deadline == written.deadline);

    auto by_code = require_ok(store.activities().find_by_code("peri-soir"));
    REQUIRE(by_code.has_value());
    CHECK(by_code->id == written.id);
    CHECK_FALSE(require_ok(store.activities().find_by_code("piscine")).has_value());
}

TEST_CASE("the town's standard activities round-trip") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.activities().upsert(morning_care(ActivityId{1})));
    require_ok(store.activities().upsert(canteen(ActivityId{2})));
    require_ok(store.activities().upsert(evening_care(ActivityId{3})));
    auto activities = require_ok(store.activities().list());
    REQUIRE(activities.size() == 3);
    CHECK(activities[1].code == "cantine");
    CHECK(activities[1].kind == ActivityKind::Meal);
    CHECK(activities[2].departure == DepartureRecording::On);
    CHECK(activities[0].opening.start == TimeOfDay::at(7, 0));
    CHECK(activities[0].opening.days == WeekdaySet::school_week());
}

TEST_CASE("two activities cannot share a code") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.activities().upsert(canteen(ActivityId{2})));
    auto result = store.activities().upsert(canteen(ActivityId{5}));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("UNIQUE") != std::string::npos);
}

TEST_CASE("a family round-trips and is found by its subscriber code") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.sites().upsert(sample_site()));
    require_ok(store.families().upsert(sample_family()));
    require_ok(store.families().upsert({FamilyId{43}, SiteId{7}, "BLENFANCE-12087-0043", "Famille Nguyen"}));

    auto family = require_ok(store.families().find_by_subscriber_code("BLENFANCE-12087-0042"));
    REQUIRE(family.has_value());
    CHECK(family->id == FamilyId{42});
    CHECK(family->site == SiteId{7});
    CHECK(family->subscriber_code == "BLENFANCE-12087-0042");
    CHECK(family->name == "Famille Martin");
    CHECK(require_ok(store.families().get(FamilyId{43}))->name == "Famille Nguyen");
    CHECK(require_ok(store.families().list()).size() == 2);
    CHECK_FALSE(require_ok(store.families().find_by_subscriber_code("BLENFANCE-0-0")).has_value());
}

TEST_CASE("guardians round-trip and are listed by family") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    require_ok(store.guardians().upsert({GuardianId{9}, FamilyId{42}, "Claire", "Martin", "06 01 02 03 04"}));
    require_ok(store.guardians().upsert({GuardianId{8}, FamilyId{42}, "Hugo", "Martin", "06 05 06 07 08"}));

    auto guardian = require_ok(store.guardians().get(GuardianId{9}));
    REQUIRE(guardian.has_value());
    CHECK(guardian->family == FamilyId{42});
    CHECK(guardian->first_name == "Claire");
    CHECK(guardian->last_name == "Martin");
    CHECK(guardian->phone == "06 01 02 03 04");
    auto family = require_ok(store.guardians().for_family(FamilyId{42}));
    REQUIRE(family.size() == 2);
    CHECK(family[0].id == GuardianId{8});
    CHECK(require_ok(store.guardians().for_family(FamilyId{1})).empty());
}

TEST_CASE("a child round-trips with diet, health markers and authorised adults in order") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    const Child written = sample_child();
    auto read = require_ok(store.children().get(written.id));
    REQUIRE(read.has_value());
    CHECK(read->id == written.id);
    CHECK(read->family == written.family);
    CHECK(read->first_name == written.first_name);
    CHECK(read->last_name == written.last_name);
    CHECK(read->class_name == written.class_name);
    CHECK(read->diet == Diet::NoPork);
    CHECK(read->allergy);
    CHECK(read->pai);
    CHECK(read->health_note == written.health_note);
    CHECK(read->authorised_adults == written.authorised_adults);
}

TEST_CASE("upserting a child replaces its authorised adults") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    Child child = sample_child();
    child.authorised_adults = {{"Amina Diallo", "tante", "06 99 88 77 66"}};
    child.diet = Diet::Vegetarian;
    child.allergy = false;
    child.pai = false;
    require_ok(store.children().upsert(child));
    auto read = require_ok(store.children().get(child.id));
    REQUIRE(read.has_value());
    CHECK(read->authorised_adults == child.authorised_adults);
    CHECK(read->diet == Diet::Vegetarian);
    CHECK_FALSE(read->needs_health_marker());

    child.authorised_adults.clear();
    require_ok(store.children().upsert(child));
    CHECK(require_ok(store.children().get(child.id))->authorised_adults.empty());
}

TEST_CASE("children are listed by id, each with its own authorised adults") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    Child brother = sample_child();
    brother.id = ChildId{1000};
    brother.first_name = "Noé";
    brother.authorised_adults = {{"Paul Durand", "voisin", "07 55 66 77 88"}};
    require_ok(store.children().upsert(brother));

    auto children = require_ok(store.children().list());
    REQUIRE(children.size() == 2);
    CHECK(children[0].first_name == "Noé");
    CHECK(children[0].authorised_adults.size() == 1);
    CHECK(children[1].authorised_adults.size() == 2);
    CHECK(require_ok(store.children().for_family(FamilyId{42})).size() == 2);
    CHECK(require_ok(store.children().for_family(FamilyId{43})).empty());
}

TEST_CASE("a child whose family is unknown is refused") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto result = store.children().upsert(sample_child());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("FOREIGN KEY") != std::string::npos);
    CHECK_FALSE(require_ok(store.children().get(sample_child().id)).has_value());
}

TEST_CASE("a staff member round-trips") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.sites().upsert(sample_site()));
    require_ok(store.staff().upsert({StaffId{12}, SiteId{7}, "Nadia", "Benali", "animatrice"}));
    auto member = require_ok(store.staff().get(StaffId{12}));
    REQUIRE(member.has_value());
    CHECK(member->site == SiteId{7});
    CHECK(member->first_name == "Nadia");
    CHECK(member->last_name == "Benali");
    CHECK(member->role == "animatrice");
    CHECK(require_ok(store.staff().list()).size() == 1);
}

TEST_CASE("a badge is found by its UID, with its holder and state") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    require_ok(store.badges().upsert({"04A1B2C3D4E5F6", HolderKind::Staff, 12, BadgeState::Revoked}));
    require_ok(store.badges().upsert({"04A1B2C3", HolderKind::Child, 1001, BadgeState::Active}));
    require_ok(store.badges().upsert({"04FFEEDD", HolderKind::Child, 1001, BadgeState::Active}));

    auto badge = require_ok(store.badges().find("04A1B2C3D4E5F6"));
    REQUIRE(badge.has_value());
    CHECK(badge->uid == "04A1B2C3D4E5F6");
    CHECK(badge->holder_kind == HolderKind::Staff);
    CHECK(badge->holder_id == 12);
    CHECK(badge->state == BadgeState::Revoked);
    CHECK_FALSE(require_ok(store.badges().find("DEADBEEF")).has_value());

    auto held = require_ok(store.badges().for_holder(HolderKind::Child, 1001));
    REQUIRE(held.size() == 2);
    CHECK(held[0].uid == "04A1B2C3");
    CHECK(require_ok(store.badges().for_holder(HolderKind::Guardian, 1001)).empty());
    CHECK(require_ok(store.badges().list()).size() == 3);

    require_ok(store.badges().upsert({"04A1B2C3", HolderKind::Child, 1001, BadgeState::Revoked}));
    CHECK(require_ok(store.badges().find("04A1B2C3"))->state == BadgeState::Revoked);
}
