// Nothing is lost through a bad network: a real `portal serve` over TLS behind the fault proxy, and a
// client pushing a fixed set of events with retries of what was not acknowledged, for 200+ rounds.
// The portal's own database is read at the end: every event once, none missing, none extra.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "fault_proxy.hpp"
#include "support/portal_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <deque>
#include <future>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

PortalFixtureOptions portal_options() {
    PortalFixtureOptions options;
    options.executable = BADGEUSE_PORTAL_EXE;
    options.children = 20;
    return options;
}

// `count` arrivals at the canteen, spread over the site's children and school days, with seeded UUIDs.
std::vector<protocol::Event> fixed_events(const SeededSite& site, int count, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<protocol::Event> events;
    const Date first = *parse_date("2026-11-02");
    for (int i = 0; i < count; ++i) {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random());
        AttendanceEvent event;
        event.id = Uuid::from_random_bytes(bytes);
        event.child = site.children[static_cast<std::size_t>(i) % site.children.size()];
        event.activity = site.canteen;
        event.day = add_days(first, i / static_cast<int>(site.children.size()));
        event.at = *paris::parse_iso8601(format_date(event.day) + "T11:40:00+01:00");
        event.badge_uid = "04A1B2" + std::to_string(i);
        events.emplace_back(event);
    }
    return events;
}

// The ids of the events table, each with how many rows it has (a set would hide a double).
std::map<std::string, int> stored_event_ids(const std::filesystem::path& database) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT id, outcome FROM events", -1, &statement, nullptr) == SQLITE_OK);
    std::map<std::string, int> ids;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const std::string id = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        const std::string outcome = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
        CHECK(outcome == "accepted"); // attendance is a fact: never refused
        ++ids[id];
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return ids;
}

struct PushTally {
    int rounds = 0;
    int answered = 0;
    int failed = 0;     // no answer: cut, refused or timed out
    int duplicates = 0; // the portal had stored it already (the answer to an earlier try was lost)
    std::vector<std::string> problems; // what a kiosk must never see; checked on the test's thread
};

// Pushes the front of `pending` (up to `batch` events) once; drops from it what the portal acknowledged.
// Runs on any thread: it asserts nothing itself, it notes problems in the tally.
void push_round(const PortalClient& client, std::deque<protocol::Event>& pending, std::size_t batch,
                PushTally& tally) {
    ++tally.rounds;
    protocol::PushRequest request;
    for (std::size_t i = 0; i < std::min(batch, pending.size()); ++i)
        request.events.push_back(pending[i]);
    const HttpReply reply = client.post("/v1/events", protocol::encode(request), std::chrono::seconds(5));
    if (reply.status == 0 || reply.status >= 500) {
        // No answer (cut, refused, timed out) or the portal's own trouble: the events stay for later.
        ++tally.failed;
        return;
    }
    if (reply.status != 200) {
        tally.problems.push_back("push answered " + std::to_string(reply.status) + ": " + reply.body);
        return;
    }
    auto response = protocol::decode_push_response(reply.body);
    if (!response || response->results.size() != request.events.size()) {
        tally.problems.push_back("a push answer that does not match the request: " + reply.body);
        return;
    }
    std::set<std::string> acknowledged;
    for (const auto& result : response->results) {
        if (result.outcome == protocol::Outcome::Refused)
            tally.problems.push_back("an arrival refused: " + result.reason);
        if (result.outcome == protocol::Outcome::Duplicate)
            ++tally.duplicates;
        acknowledged.insert(result.event.to_string());
    }
    ++tally.answered;
    std::erase_if(pending, [&](const protocol::Event& event) {
        return acknowledged.contains(protocol::event_id(event).to_string());
    });
}

// Every event in the portal's database exactly once, and nothing else there.
void check_stored_exactly_once(const PortalFixture& portal, const std::vector<protocol::Event>& events) {
    const std::map<std::string, int> stored = stored_event_ids(portal.database());
    CHECK(stored.size() == events.size());
    for (const auto& event : events) {
        const std::string id = protocol::event_id(event).to_string();
        const auto found = stored.find(id);
        INFO("event " << id);
        REQUIRE(found != stored.end());
        CHECK(found->second == 1);
    }
}

} // namespace

TEST_CASE("events pushed through 200 rounds of cut, delayed and replayed connections reach the portal "
          "exactly once") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");

    FaultProxy proxy(portal.port(), 20261204);
    PortalClient client(proxy.port(), portal.ca());
    client.set_token(token);

    const std::vector<protocol::Event> events = fixed_events(portal.site(), 600, 7);
    std::deque<protocol::Event> pending(events.begin(), events.end());
    PushTally tally;
    for (int round = 0; round < 200; ++round) {
        client.set_outbox(pending.size());
        if (!pending.empty())
            push_round(client, pending, 3, tally);
        else
            ++tally.rounds;
    }
    // What the faulty rounds left is delivered over a clean network, as the kiosk's next retries would.
    proxy.set_faults(false);
    for (int round = 0; round < 200 && !pending.empty(); ++round)
        push_round(client, pending, 10, tally);

    const FaultCounts counts = proxy.settled_counts();
    INFO("rounds " << tally.rounds << ", answered " << tally.answered << ", failed " << tally.failed
                   << ", duplicates " << tally.duplicates << "; proxy: " << counts.connections
                   << " connections, " << counts.passed << " passed, " << counts.cut_to_server
                   << " cut to the portal, " << counts.cut_to_client << " cut to the client, "
                   << counts.delayed << " delayed, " << counts.replayed << " replayed");
    CHECK(pending.empty());
    // The run met every kind of fault, or it proves nothing.
    CHECK(counts.cut_to_server > 5);
    CHECK(counts.cut_to_client > 5);
    CHECK(counts.delayed > 5);
    CHECK(counts.replayed > 5);
    CHECK(tally.duplicates > 0);

    CHECK(tally.problems.empty());
    for (const auto& problem : tally.problems)
        UNSCOPED_INFO(problem);
    check_stored_exactly_once(portal, events);
}

TEST_CASE("a portal SIGKILLed ten times in the middle of pushes and restarted stores every event once") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options());
    const std::string token = portal.enroll("préau");
    // A proxy without faults: the kiosk keeps one address while the portal comes back on new ports.
    FaultPlan no_faults;
    no_faults.cut_to_server = no_faults.cut_to_client = no_faults.delay = no_faults.replay = 0;
    FaultProxy proxy(portal.port(), 1, no_faults);
    PortalClient client(proxy.port(), portal.ca());
    client.set_token(token);

    const std::vector<protocol::Event> events = fixed_events(portal.site(), 400, 11);
    std::deque<protocol::Event> pending(events.begin(), events.end());
    PushTally tally;
    std::mt19937 random(5);
    for (int kill = 0; kill < 10; ++kill) {
        auto pushing = std::async(std::launch::async, [&] {
            for (int i = 0; i < 8 && !pending.empty(); ++i)
                push_round(client, pending, 5, tally);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(5, 80)(random)));
        portal.process().kill_hard();
        pushing.get();
        portal.restart();
        proxy.set_target_port(portal.port());
    }
    const std::size_t left_after_kills = pending.size();
    for (int round = 0; round < 400 && !pending.empty(); ++round)
        push_round(client, pending, 10, tally);

    INFO("left after the kills " << left_after_kills << "; rounds " << tally.rounds << ", answered "
                                 << tally.answered << ", failed " << tally.failed << ", duplicates "
                                 << tally.duplicates);
    CHECK(pending.empty());
    CHECK(tally.failed > 0); // the kills did land in the middle of pushes
    CHECK(tally.problems.empty());
    for (const auto& problem : tally.problems)
        UNSCOPED_INFO(problem);
    check_stored_exactly_once(portal, events);
}
