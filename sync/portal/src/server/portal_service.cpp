// One request through the portal's layers. The order matters: the rate limit first (a flood costs
// no database work), the kiosk's identity before the handler (so the log names it even on a 4xx),
// and its last contact after the handler, whatever the answer, since the kiosk did reach us.
#include "portal_service.hpp"

#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "web_api.hpp"

#include <charconv>
#include <string_view>

namespace badgeuse::portal::server {
namespace {

Response error_response(int status, std::string message) {
    return Response{status, protocol::encode(protocol::ErrorResponse{std::move(message)})};
}

// The bearer token's hash, or "" without one.
std::string token_hash_of(const Request& request) {
    const auto header = request.headers.find("authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header == request.headers.end() || !header->second.starts_with(kBearer) ||
        header->second.size() == kBearer.size())
        return {};
    return hash_secret(std::string_view(header->second).substr(kBearer.size()));
}

// X-Badgeuse-Outbox: the events waiting at the kiosk. Absent counts as none; garbage is an error.
std::optional<std::int64_t> outbox_of(const Request& request, bool& malformed) {
    malformed = false;
    const auto header = request.headers.find("x-badgeuse-outbox");
    if (header == request.headers.end())
        return std::int64_t{0};
    std::int64_t value = 0;
    const std::string& text = header->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
        malformed = true;
        return std::nullopt;
    }
    return value;
}

} // namespace

PortalService::PortalService(PortalStore& store, const Clock& clock, const PortalConfig& config,
                             std::optional<std::string> metrics_token_hash)
    : m_store(store)
    , m_clock(clock)
    , m_services{store, clock, config.region, config.server.max_body_bytes}
    , m_limiter(config.server.requests_per_minute, clock)
    , m_metrics_token_hash(std::move(metrics_token_hash)) {}

Served PortalService::serve(const Request& request, const Peer& peer) {
    const std::string_view target = request.target;
    const std::string_view path = target.substr(0, target.find('?'));
    const std::string token_hash = token_hash_of(request);
    Served served;

    const RateDecision rate = m_limiter.take(token_hash.empty() ? "address:" + peer.address : token_hash);
    if (!rate.allowed) {
        served.response =
            error_response(429, "too many requests: wait " + std::to_string(rate.retry_after.count()) + " s");
        served.headers.emplace_back("Retry-After", std::to_string(rate.retry_after.count()));
    } else if (path == "/metrics") {
        served = serve_metrics(request, peer, token_hash);
    } else if (path.starts_with(kWebPrefix)) {
        WebServices web{m_store, m_clock, m_services.region, &m_previous_web_intent};
        served.response = handle_web(request, web, served.caller);
    } else {
        std::optional<KioskIdentity> kiosk;
        if (!token_hash.empty() && path != "/v1/enroll") {
            auto found = m_store.kiosk_by_token(token_hash);
            if (found && found->has_value())
                kiosk = **found;
        }
        bool malformed = false;
        const auto outbox = outbox_of(request, malformed);
        if (malformed)
            served.response = error_response(
                400, "X-Badgeuse-Outbox: expected the number of events waiting, a whole number");
        else
            served.response = handle(request, m_services);
        if (kiosk) {
            served.caller = std::to_string(kiosk->id);
            if (outbox) {
                auto recorded = m_store.record_contact(kiosk->id, m_clock.now(), *outbox);
                (void)recorded; // a failed note of contact must not fail the kiosk's request
            }
        }
        if (path == "/v1/events" && served.response.status == 200) {
            if (auto pushed = protocol::decode_push_response(served.response.body))
                m_metrics.count_events(*pushed);
        }
    }
    m_metrics.count_request(route_label(path), served.response.status);
    return served;
}

void PortalService::count(std::string_view path, int status) {
    m_metrics.count_request(route_label(path), status);
}

Served PortalService::serve_metrics(const Request& request, const Peer& peer, const std::string& token_hash) {
    Served served;
    if (request.method != "GET") {
        served.response = error_response(405, "/metrics answers GET only");
        return served;
    }
    if (m_metrics_token_hash) {
        if (token_hash != *m_metrics_token_hash) {
            served.response =
                error_response(401, "/metrics wants the metrics token (server.metrics_token_file)");
            return served;
        }
    } else if (!peer.loopback) {
        served.response = error_response(
            403,
            "/metrics answers loopback callers only; set server.metrics_token_file to open it to others");
        return served;
    }
    auto kiosks = m_store.kiosk_contacts();
    if (!kiosks) {
        served.response =
            error_response(500, "the portal could not read its kiosks: " + kiosks.error().message);
        return served;
    }
    served.caller = "metrics";
    served.response = Response{200, m_metrics.render(*kiosks), "text/plain; version=0.0.4; charset=utf-8"};
    return served;
}

} // namespace badgeuse::portal::server
