// Transactions: commit keeps, dropping rolls back, nesting composes, and bulk loads go through them.
#include "badgeuse/store/store.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <string>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

TEST_CASE("a transaction that is not committed leaves nothing behind") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    {
        auto transaction = require_ok(store.begin_transaction());
        require_ok(store.sites().upsert(sample_site()));
        require_ok(store.record_attendance(sample_event(1)));
        require_ok(store.set_pull_cursor("page-2"));
    }
    CHECK(require_ok(store.sites().list()).empty());
    CHECK(require_ok(store.attendance().count()) == 0);
    CHECK(require_ok(store.outbox_count()) == 0);
    CHECK(require_ok(store.pull_cursor()).empty());
}

TEST_CASE("a page of pulled changes and its cursor commit together") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    {
        auto store = open_store(path);
        auto transaction = require_ok(store.begin_transaction());
        // Rows in the order a page may bring them: children before their family.
        require_ok(store.children().upsert(sample_child()));
        require_ok(store.families().upsert(sample_family()));
        require_ok(store.sites().upsert(sample_site()));
        require_ok(store.set_pull_cursor("page-3"));
        require_ok(transaction.commit());
    }
    auto store = open_store(path);
    CHECK(require_ok(store.children().get(sample_child().id)).has_value());
    CHECK(require_ok(store.pull_cursor()) == "page-3");
}

TEST_CASE("a transaction whose rows break a foreign key does not commit") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto transaction = require_ok(store.begin_transaction());
    require_ok(store.children().upsert(sample_child()));
    require_ok(store.set_pull_cursor("page-4"));
    auto committed = transaction.commit();
    REQUIRE_FALSE(committed.ok());
    CHECK(committed.error().message.find("FOREIGN KEY") != std::string::npos);
    { auto dropped = std::move(transaction); }
    CHECK_FALSE(require_ok(store.children().get(sample_child().id)).has_value());
    CHECK(require_ok(store.pull_cursor()).empty());
}

TEST_CASE("an attendance event recorded inside a caller's transaction commits with it") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto transaction = require_ok(store.begin_transaction());
    require_ok(store.record_attendance(sample_event(1)));
    require_ok(store.record_attendance(sample_event(2)));
    require_ok(transaction.commit());
    CHECK(require_ok(store.attendance().count()) == 2);
    CHECK(require_ok(store.outbox_count()) == 2);
}

TEST_CASE("a nested transaction rolled back keeps the outer transaction's other writes") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto outer = require_ok(store.begin_transaction());
    require_ok(store.sites().upsert(sample_site()));
    {
        auto inner = require_ok(store.begin_transaction());
        require_ok(store.sites().upsert({SiteId{8}, "École du Centre", "Sailleville"}));
    }
    {
        auto inner = require_ok(store.begin_transaction());
        require_ok(store.sites().upsert({SiteId{9}, "École des Tilleuls", "Sailleville"}));
        require_ok(inner.commit());
    }
    require_ok(outer.commit());
    auto sites = require_ok(store.sites().list());
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].id == SiteId{7});
    CHECK(sites[1].id == SiteId{9});
}

TEST_CASE("a failed write inside a transaction leaves the transaction usable") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    add_sample_people(store);
    auto transaction = require_ok(store.begin_transaction());
    require_ok(store.reservations().add({ChildId{1001}, ActivityId{3}, day(2027, 5, 4)}));
    CHECK_FALSE(store.absences()
                    .add({AbsenceId{1}, ChildId{1001}, day(2027, 5, 9), day(2027, 5, 1), "",
                          Justification::Justified})
                    .ok());
    require_ok(store.reservations().add({ChildId{1001}, ActivityId{3}, day(2027, 5, 6)}));
    require_ok(transaction.commit());
    CHECK(require_ok(store.reservations().count()) == 2);
}

TEST_CASE("an outer transaction cannot be committed while a nested one is open") {
    TempDir dir;
    auto store = open_store(dir / "kiosk.db");
    auto outer = require_ok(store.begin_transaction());
    auto inner = require_ok(store.begin_transaction());
    CHECK_FALSE(outer.commit().ok());
    require_ok(inner.commit());
    require_ok(outer.commit());
}

TEST_CASE("bulk loads inside one transaction store every row") {
    TempDir dir;
    auto path = dir / "kiosk.db";
    constexpr int kChildren = 500;
    constexpr int kDays = 40;
    {
        auto store = open_store(path);
        add_sample_people(store);
        auto transaction = require_ok(store.begin_transaction());
        for (int i = 0; i < kChildren; ++i) {
            Child child = sample_child();
            child.id = ChildId{10'000 + i};
            require_ok(store.children().upsert(child));
            std::array<char, 16> uid{};
            std::snprintf(uid.data(), uid.size(), "04%012X", static_cast<unsigned>(i));
            require_ok(
                store.badges().upsert({uid.data(), HolderKind::Child, child.id.value, BadgeState::Active}));
            for (int d = 0; d < kDays; ++d)
                require_ok(store.reservations().add({child.id, ActivityId{3}, add_days(day(2027, 1, 4), d)}));
        }
        require_ok(transaction.commit());
    }
    auto store = open_store(path);
    CHECK(require_ok(store.reservations().count()) == kChildren * kDays);
    CHECK(require_ok(store.badges().list()).size() == kChildren);
    CHECK(require_ok(store.reservations().for_day(add_days(day(2027, 1, 4), 7), ActivityId{3})).size() ==
          kChildren);
    CHECK(require_ok(store.integrity_check()) == "ok");
}
