// SIGTERM while kiosks are pushing: the portal finishes what it has started, exits 0, and every
// event it acknowledged is in the database (a new portal on the same file calls each a duplicate).
#include "api_helpers.hpp"

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

using namespace badgeuse;
using namespace badgeuse::testing;

TEST_CASE("SIGTERM during a load of pushes exits 0 and keeps every acknowledged event") {
    PortalHome home("requests_per_minute = 1000000\n"); // this test is a flood on purpose
    std::vector<std::string> tokens;
    {
        PortalProcess portal(home);
        HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
        for (int k = 0; k < 4; ++k)
            tokens.push_back(enroll(client, home, home.site, "kiosk-" + std::to_string(k)));
        CHECK(portal.stop(SIGTERM) == 0);
    }

    PortalProcess portal(home);
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::atomic<int> pushes{0};
    std::vector<std::thread> kiosks;
    for (int k = 0; k < 4; ++k) {
        kiosks.emplace_back([&, k] {
            try {
                HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
                for (int batch = 0; batch < 100000; ++batch) {
                    std::string events;
                    std::vector<std::string> ids;
                    for (int i = 0; i < 10; ++i) {
                        const int n = k * 10000000 + batch * 10 + i;
                        ids.push_back(uuid_number(n));
                        events += (i > 0 ? "," : "") + arrival(n);
                    }
                    const Reply reply = client.request("POST", "/v1/events", push_of(events), tokens[k]);
                    if (reply.status != 200)
                        return;
                    auto results = protocol::decode_push_response(reply.body);
                    if (!results || results->results.size() != ids.size())
                        return;
                    {
                        const std::lock_guard lock(mutex);
                        acknowledged.insert(acknowledged.end(), ids.begin(), ids.end());
                    }
                    ++pushes;
                    if (!reply.keep_alive)
                        return; // the portal is stopping
                }
            } catch (const std::exception&) {
                // The connection closed under us: what was not acknowledged may be lost, and is resent.
            }
        });
    }
    while (pushes < 20)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const int status = portal.stop(SIGTERM);
    for (auto& kiosk : kiosks)
        kiosk.join();
    CHECK(status == 0);
    INFO(portal.log());
    CHECK(portal.log().find("stopping on SIGTERM") != std::string::npos);
    REQUIRE(acknowledged.size() >= 200);
    CHECK(home.event_count() >= static_cast<std::int64_t>(acknowledged.size()));

    // Every acknowledged event is there: pushed again, each is a duplicate.
    PortalProcess again(home);
    HttpClient client = HttpClient::tls(again.port(), home.pki.ca_certificate);
    std::size_t duplicates = 0;
    for (std::size_t start = 0; start < acknowledged.size(); start += 200) {
        std::string events;
        for (std::size_t i = start; i < std::min(acknowledged.size(), start + 200); ++i) {
            std::string event = arrival(0);
            event.replace(event.find(uuid_number(0)), uuid_number(0).size(), acknowledged[i]);
            events += (i > start ? "," : "") + event;
        }
        const Reply reply = client.request("POST", "/v1/events", push_of(events), tokens[0]);
        REQUIRE(reply.status == 200);
        auto results = protocol::decode_push_response(reply.body);
        REQUIRE(results.ok());
        for (const auto& result : results->results)
            duplicates += result.outcome == protocol::Outcome::Duplicate ? 1 : 0;
    }
    CHECK(duplicates == acknowledged.size());
    CHECK(again.stop(SIGTERM) == 0);
}
