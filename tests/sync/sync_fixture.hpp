// Helpers of the sync tests: a portal seeded for a kiosk (children with badges, the canteen), the
// portal's own record of the events it stored, and waiting for something another process does.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "support/portal_fixture.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace badgeuse::sync_tests {

// A Thursday in term, canteen open (11:30-13:30): the portal and the kiosk both start their clocks here.
inline constexpr const char* kCanteenTime = "2026-12-10T11:40:00+01:00";

// The badge of the seeded site's child number i (0-based): "0A000001" for the first.
std::string badge_of_child(int i);

// Three children with badges, the canteen, a few enrollment codes; TLS with the test PKI.
testing::PortalFixtureOptions portal_options(const std::string& clock_start = kCanteenTime);

// The portal's events table: each event id with how many rows it has (a set would hide a double).
std::map<std::string, int> portal_event_ids(const std::filesystem::path& database);

// Polls `done` every 50 ms until it holds or `timeout` passes; gives its last answer.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

// The wall clock, for the edges the tests drive as a kiosk would (the client's last-sync stamps).
class WallClock final : public Clock {
public:
    Instant now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
};

} // namespace badgeuse::sync_tests
