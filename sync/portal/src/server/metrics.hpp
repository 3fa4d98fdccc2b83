// The portal's counters for /metrics, in Prometheus' text format: requests by API path and status,
// events ingested by outcome (since the process started), and per kiosk its last contact and the
// events waiting in its outbox (from the database, so they survive a restart).
#pragma once

#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace badgeuse::portal::server {

class Metrics {
public:
    // `route` is one of the API's paths, or "other": never the raw target, which a caller chooses.
    void count_request(std::string_view route, int status);
    void count_events(const protocol::PushResponse& response);

    std::string render(const std::vector<KioskContact>& kiosks) const;

private:
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::uint64_t m_accepted = 0;
    std::uint64_t m_duplicate = 0;
    std::uint64_t m_refused = 0;
};

// The API paths the portal answers, for the request counter's "path" label.
std::string_view route_label(std::string_view path);

} // namespace badgeuse::portal::server
