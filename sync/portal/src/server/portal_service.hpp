// What `portal serve` does with one request once the session has read it: rate limit, /metrics, the
// web-portal API, else the kiosks' API (handlers.cpp), then the kiosk's last contact and the
// counters. It runs on the portal's one request thread (the store is single-writer), and knows no
// sockets, so the tests can call it directly too.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/portal/handlers.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "metrics.hpp"
#include "rate_limiter.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace badgeuse::portal::server {

struct Peer {
    std::string address; // "127.0.0.1", "::1"
    bool loopback = false;
};

struct Served {
    Response response;
    std::vector<std::pair<std::string, std::string>> headers; // beside Content-Type: Retry-After
    std::string caller = "-"; // for the log: "kiosk:3", "web:NAME", or "-" (never a token)
};

class PortalService {
public:
    // `metrics_token_hash`: when set, /metrics wants that bearer token (hashed like the others);
    // when empty, it answers loopback callers only.
    PortalService(PortalStore& store, const Clock& clock, const PortalConfig& config,
                  std::optional<std::string> metrics_token_hash);

    Served serve(const Request& request, const Peer& peer);
    // Counts an answer the session gave itself (413, 431, 400 on a malformed request).
    void count(std::string_view path, int status);

private:
    Served serve_metrics(const Request& request, const Peer& peer, const std::string& token_hash);

    PortalStore& m_store;
    const Clock& m_clock;
    Services m_services;
    RateLimiter m_limiter;
    Metrics m_metrics;
    std::optional<std::string> m_metrics_token_hash;
    Instant m_previous_web_intent{};
};

} // namespace badgeuse::portal::server
