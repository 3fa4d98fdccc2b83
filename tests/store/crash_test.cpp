// The writer killed at random moments: every event it was told was committed is there afterwards, with
// exactly one outbox row, and the file passes SQLite's integrity check.
#include "badgeuse/store/store.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fcntl.h>
#include <map>
#include <random>
#include <set>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace badgeuse;
using namespace badgeuse::store;
using namespace badgeuse::store::fixtures;
using badgeuse::testing::TempDir;

namespace {

constexpr int kRounds = 30;
constexpr int kRoundsPerFile = 5;
constexpr auto kTimeBudget = std::chrono::seconds{20};
constexpr std::uint64_t kEventsPerRound = 1'000'000; // numbering space of each round's writer
constexpr int kBatchEvery = 7;                       // every 7th write is a batch in one Transaction
constexpr int kBatchSize = 4;

enum WriterExit { kOpenFailed = 2, kRecordFailed = 3, kLogFailed = 4 };

AttendanceEvent crash_event(std::uint64_t n) {
    AttendanceEvent event = sample_event(n);
    event.day = day(2027, 5, 4);
    event.activity = ActivityId{3};
    return event;
}

void report_committed(int log, const Uuid& id) {
    std::string line = id.to_string() + "\n";
    if (write(log, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        _exit(kLogFailed);
}

// Runs in the forked child until it is killed. No Catch2 here: the child must not report or unwind
// into the test runner; any failure is an exit code the parent turns into a test failure.
[[noreturn]] void run_writer(const std::filesystem::path& path, const std::filesystem::path& log_path,
                             std::uint64_t first) {
    int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    if (log < 0)
        _exit(kLogFailed);
    auto store = Store::open(path);
    if (!store)
        _exit(kOpenFailed);
    for (std::uint64_t n = first, round = 0;; ++round) {
        if (round % kBatchEvery == 0) {
            auto transaction = store->begin_transaction();
            if (!transaction)
                _exit(kRecordFailed);
            std::vector<Uuid> batch;
            for (int i = 0; i < kBatchSize; ++i, ++n) {
                if (!store->record_attendance(crash_event(n)))
                    _exit(kRecordFailed);
                batch.push_back(crash_event(n).id);
            }
            if (!transaction->commit())
                _exit(kRecordFailed);
            for (const Uuid& id : batch)
                report_committed(log, id);
        } else {
            if (!store->record_attendance(crash_event(n)))
                _exit(kRecordFailed);
            report_committed(log, crash_event(n).id);
            ++n;
        }
    }
}

// Only whole lines: a line cut by the kill was not yet reported.
std::vector<Uuid> read_committed(const std::filesystem::path& log_path) {
    std::vector<Uuid> committed;
    std::istringstream lines(read_bytes(log_path));
    std::string line;
    while (std::getline(lines, line) && !lines.eof()) {
        auto id = Uuid::parse(line);
        REQUIRE(id.ok());
        committed.push_back(*id);
    }
    return committed;
}

void check_after_crash(const std::filesystem::path& path, const std::set<Uuid>& committed) {
    auto store = open_store(path);
    CHECK(require_ok(store.integrity_check()) == "ok");

    std::set<Uuid> events;
    for (const AttendanceEvent& event :
         require_ok(store.attendance().for_day(day(2027, 5, 4), ActivityId{3})))
        events.insert(event.id);
    CHECK(static_cast<std::int64_t>(events.size()) == require_ok(store.attendance().count()));

    std::multiset<Uuid> queued;
    for (const OutboxEntry& entry : require_ok(store.outbox_pending(10'000'000)))
        queued.insert(entry.event);
    CHECK(std::set<Uuid>(queued.begin(), queued.end()) == events); // each event queued, nothing else
    CHECK(queued.size() == events.size());                         // and queued once

    std::size_t missing = 0;
    for (const Uuid& id : committed)
        missing += events.count(id) == 0 ? 1 : 0;
    INFO(missing << " of " << committed.size() << " events reported committed are missing");
    CHECK(missing == 0);
}

} // namespace

TEST_CASE("events reported committed survive the writer being killed at any moment") {
    TempDir dir;
    const auto started = std::chrono::steady_clock::now();
    std::mt19937 random(20270504);
    std::map<std::filesystem::path, std::set<Uuid>> committed_by_file;
    int rounds = 0;
    std::size_t killed_with_events = 0;

    for (int round = 0; round < kRounds && std::chrono::steady_clock::now() - started < kTimeBudget;
         ++round) {
        // A new file every few rounds, its first kill early, so that some land while it is being created.
        const bool new_file = round % kRoundsPerFile == 0;
        const auto path = dir / ("kiosk-" + std::to_string(round / kRoundsPerFile) + ".db");
        const auto log_path = dir / "committed.log";
        const int most_ms = new_file ? 15 : 300;
        const auto delay = std::chrono::milliseconds{std::uniform_int_distribution<int>(0, most_ms)(random)};
        INFO("round " << round << ", killed after " << delay.count() << " ms");

        std::filesystem::remove(log_path); // a log left by the previous round is not this round's
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0)
            run_writer(path, log_path, static_cast<std::uint64_t>(round + 1) * kEventsPerRound);
        std::this_thread::sleep_for(delay);
        kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        INFO("writer exit status " << (WIFEXITED(status) ? WEXITSTATUS(status) : 0));
        REQUIRE(WIFSIGNALED(status));

        auto& committed = committed_by_file[path];
        if (std::filesystem::exists(log_path)) {
            auto reported = read_committed(log_path);
            killed_with_events += reported.empty() ? 0 : 1;
            committed.insert(reported.begin(), reported.end());
        }
        check_after_crash(path, committed);
        ++rounds;
    }
    CHECK(rounds >= 10);
    CHECK(killed_with_events >= 5); // most kills must land mid-stream, not before the first commit
}
