// The kiosk killed while it applies a pulled page: after the restart the database holds the pages
// before it with their cursor, and nothing of the page it was applying.
#include "../store/store_fixtures.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/store/test_support.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

constexpr std::int64_t kFirstPageBadges = 500;
constexpr std::int64_t kBigPageBadges = 300'000; // long enough to be killed in the middle of

std::string uid_of(std::int64_t n) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llX", static_cast<unsigned long long>(n));
    return text;
}

protocol::PullResponse badge_page(std::int64_t first_seq, std::int64_t count) {
    protocol::PullResponse page;
    for (std::int64_t i = 0; i < count; ++i)
        page.changes.push_back({first_seq + i, protocol::ChangeKind::Upsert,
                                Badge{uid_of(first_seq + i), HolderKind::Child, 1001, BadgeState::Active}});
    page.cursor = first_seq + count - 1;
    page.more = protocol::MorePages::No;
    return page;
}

enum ChildExit { kOpenFailed = 2, kApplyFailed = 3, kPipeFailed = 4, kBigPageDone = 5 };

// Runs in the forked child until killed; no Catch2 here.
[[noreturn]] void apply_pages(const std::filesystem::path& path, int report,
                              const protocol::PullResponse& first, const protocol::PullResponse& big) {
    auto store = Store::open(path);
    if (!store)
        _exit(kOpenFailed);
    StoreReplica replica(*store);
    if (!replica.apply_page(first))
        _exit(kApplyFailed);
    if (write(report, "A", 1) != 1)
        _exit(kPipeFailed);
    if (!replica.apply_page(big))
        _exit(kApplyFailed);
    _exit(kBigPageDone);
}

} // namespace

TEST_CASE("a kiosk killed while applying a page keeps the old cursor and none of that page") {
    const auto first = badge_page(1, kFirstPageBadges);
    const auto big = badge_page(kFirstPageBadges + 1, kBigPageBadges);
    for (int delay_ms : {5, 40, 150, 400}) {
        INFO("killed " << delay_ms << " ms into the page");
        TempDir dir;
        const auto path = dir / "kiosk.sqlite";
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            apply_pages(path, fds[1], first, big);
        }
        close(fds[1]);
        char mark = 0;
        REQUIRE(read(fds[0], &mark, 1) == 1);
        close(fds[0]);
        std::this_thread::sleep_for(std::chrono::milliseconds{delay_ms});
        kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        // Killed in the middle, not finished before the signal: otherwise the test proves nothing.
        REQUIRE(WIFSIGNALED(status));

        Store store = open_store(path);
        StoreReplica replica(store);
        CHECK(require_ok(replica.cursor()) == kFirstPageBadges);
        CHECK(require_ok(test_support::query_text(store, "SELECT count(*) FROM badge")) ==
              std::to_string(kFirstPageBadges));
        CHECK(require_ok(store.integrity_check()) == "ok");
        // The next pull asks again after the old cursor and gets the whole page.
        require_ok(replica.apply_page(big));
        CHECK(require_ok(test_support::query_text(store, "SELECT count(*) FROM badge")) ==
              std::to_string(kFirstPageBadges + kBigPageBadges));
    }
}
