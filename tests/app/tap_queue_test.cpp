// The tap queue: readers' threads push, the UI thread drains in order; a full queue drops and counts.
#include "badgeuse/app/headless.hpp"
#include "badgeuse/app/tap_queue.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <thread>

using namespace badgeuse::app;

TEST_CASE("taps pushed from several threads all come out, each thread's in order, each push waking") {
    std::atomic<int> wakes{0};
    TapQueue queue(1000, [&] { ++wakes; });
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r)
        readers.emplace_back([&, r] {
            for (int i = 0; i < 100; ++i)
                queue.push(
                    {std::to_string(i), "reader" + std::to_string(r), std::chrono::steady_clock::now()});
        });
    for (auto& t : readers)
        t.join();
    auto taps = queue.drain();
    CHECK(taps.size() == 400);
    CHECK(wakes == 400);
    std::map<std::string, int> last;
    for (const auto& tap : taps) {
        int n = std::stoi(tap.uid);
        CHECK(last.try_emplace(tap.reader, -1).first->second < n);
        last[tap.reader] = n;
    }
    CHECK(queue.drain().empty());
}

TEST_CASE("a full queue drops the tap and counts it without blocking") {
    TapQueue queue(2);
    CHECK(queue.push({"A", "r", {}}));
    CHECK(queue.push({"B", "r", {}}));
    CHECK_FALSE(queue.push({"C", "r", {}}));
    CHECK(queue.dropped() == 1);
    CHECK(queue.size() == 2);
}

TEST_CASE("a headless verdict is one JSON line with the verdict key, tone and event") {
    CheckInOutcome outcome;
    outcome.decision.verdict = badgeuse::Verdict::Welcome;
    outcome.decision.first_name = "Léa \"Lulu\"";
    outcome.decision.activity_name = "Restauration scolaire";
    outcome.uid = "04A1B2C3";
    auto line = verdict_json(outcome);
    CHECK(line.find("\"verdict\":\"welcome\"") != std::string::npos);
    CHECK(line.find("\"tone\":\"green\"") != std::string::npos);
    CHECK(line.find("\"first_name\":\"Léa \\\"Lulu\\\"\"") != std::string::npos);
    CHECK(line.find("\"event\":null") != std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
}
