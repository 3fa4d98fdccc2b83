// PageApplier against the kiosk's real store: pages gathered into batches, each batch one transaction
// with its cursor, applied beside the caller; a failed batch stops the pull without a gap; pages fetched
// before a failure are kept.
#include "badgeuse/store/store.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/page_applier.hpp"
#include "must.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <utility>
#include <vector>

using namespace badgeuse;
using badgeuse::testing::must;
using badgeuse::testing::TempDir;

namespace {

// Page number n: one new family, change n, cursor n.
protocol::PullResponse family_page(int n, bool last = false) {
    protocol::PullResponse page;
    page.cursor = n;
    page.more = last ? protocol::MorePages::No : protocol::MorePages::Yes;
    page.changes.push_back(
        {n, protocol::ChangeKind::Upsert,
         Family{FamilyId{n}, SiteId{1}, "BLENFANCE-7-" + std::to_string(n), "Famille " + std::to_string(n)}});
    return page;
}

// Page number n: a guardian of a family nobody has; its transaction cannot commit.
protocol::PullResponse orphan_page(int n) {
    protocol::PullResponse page;
    page.cursor = n;
    page.more = protocol::MorePages::Yes;
    page.changes.push_back(
        {n, protocol::ChangeKind::Upsert, Guardian{GuardianId{n}, FamilyId{999}, "Anne", "Inconnue", ""}});
    return page;
}

struct Kiosk {
    TempDir dir;
    store::Store store = must(store::Store::open(dir / "kiosk.sqlite"));
    store::StoreReplica replica{store};
    std::vector<std::pair<std::size_t, std::int64_t>> applied;
    std::vector<std::thread::id> told_on;

    sync::PageApplier applier(std::size_t batch) {
        return sync::PageApplier(replica, 0, batch, [this](std::size_t changes, std::int64_t cursor) {
            applied.emplace_back(changes, cursor);
            told_on.push_back(std::this_thread::get_id());
        });
    }
    std::size_t families() { return must(store.families().list()).size(); }
    std::string cursor() { return must(store.pull_cursor()); }
};

} // namespace

TEST_CASE("pages are applied a batch at a time, each with its cursor, and the kiosk is told on its thread") {
    Kiosk kiosk;
    {
        sync::PageApplier applier = kiosk.applier(3);
        for (int n = 1; n <= 10; ++n) {
            REQUIRE(applier.add(family_page(n, n == 10)).ok());
            CHECK(applier.cursor() == n);
        }
        REQUIRE(applier.finish().ok());
    }
    CHECK(kiosk.families() == 10);
    CHECK(kiosk.cursor() == "10");
    using Batch = std::pair<std::size_t, std::int64_t>;
    CHECK(kiosk.applied == std::vector<Batch>{{3, 3}, {3, 6}, {3, 9}, {1, 10}});
    for (std::thread::id id : kiosk.told_on)
        CHECK(id == std::this_thread::get_id());
}

TEST_CASE("once a batch cannot be applied, nothing after it is, and the cursor stays before it") {
    Kiosk kiosk;
    sync::PageApplier applier = kiosk.applier(3);
    for (int n = 1; n <= 3; ++n)
        REQUIRE(applier.add(family_page(n)).ok());
    REQUIRE(applier.add(family_page(4)).ok());
    REQUIRE(applier.add(orphan_page(5)).ok());
    REQUIRE(applier.add(family_page(6)).ok()); // the batch 4-6 goes to its thread, after 1-3 committed
    bool refused = false;
    for (int n = 7; n <= 9 && !refused; ++n)
        refused = !applier.add(family_page(n)).ok(); // the batch 4-6's failure is met here
    CHECK(refused);
    const Result<void> finished = applier.finish();
    REQUIRE_FALSE(finished.ok());
    CHECK(kiosk.families() == 3);
    CHECK(kiosk.cursor() == "3");
    using Batch = std::pair<std::size_t, std::int64_t>;
    CHECK(kiosk.applied == std::vector<Batch>{{3, 3}});
}

TEST_CASE("pages gathered when the pull stops short are applied by finish") {
    Kiosk kiosk;
    sync::PageApplier applier = kiosk.applier(100);
    REQUIRE(applier.add(family_page(1)).ok());
    REQUIRE(applier.add(family_page(2)).ok());
    CHECK(kiosk.families() == 0); // a batch of 100 is not full yet
    // The connection is lost here: the client calls finish() before it reports the failure.
    REQUIRE(applier.finish().ok());
    CHECK(kiosk.families() == 2);
    CHECK(kiosk.cursor() == "2");
}
