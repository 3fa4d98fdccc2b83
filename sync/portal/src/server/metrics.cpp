// Prometheus' text exposition format 0.0.4: "# HELP", "# TYPE", then one sample a line, label values
// escaped (backslash, double quote, newline).
#include "metrics.hpp"

#include <chrono>

namespace badgeuse::portal::server {
namespace {

std::string escape_label(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP " + std::string(name) + " " + std::string(help) + "\n";
    out += "# TYPE " + std::string(name) + " " + std::string(type) + "\n";
}

} // namespace

std::string_view route_label(std::string_view path) {
    constexpr std::string_view kRoutes[] = {"/v1/enroll",       "/v1/changes",    "/v1/events", "/v1/time",
                                            "/v1/web/bookings", "/v1/web/roster", "/metrics"};
    for (auto route : kRoutes)
        if (path == route)
            return route;
    return "other";
}

void Metrics::count_request(std::string_view route, int status) {
    ++m_requests[{std::string(route), status}];
}

void Metrics::count_events(const protocol::PushResponse& response) {
    for (const auto& result : response.results) {
        switch (result.outcome) {
        case protocol::Outcome::Accepted:
            ++m_accepted;
            break;
        case protocol::Outcome::Duplicate:
            ++m_duplicate;
            break;
        case protocol::Outcome::Refused:
            ++m_refused;
            break;
        }
    }
}

std::string Metrics::render(const std::vector<KioskContact>& kiosks) const {
    std::string out;
    header(out, "badgeuse_portal_requests_total", "counter",
           "HTTP requests answered since the portal started, by API path and status.");
    for (const auto& [key, count] : m_requests)
        out += "badgeuse_portal_requests_total{path=\"" + escape_label(key.first) + "\",status=\"" +
               std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    header(out, "badgeuse_portal_events_ingested_total", "counter",
           "Events pushed by kiosks since the portal started, by outcome.");
    out += "badgeuse_portal_events_ingested_total{outcome=\"accepted\"} " + std::to_string(m_accepted) + "\n";
    out +=
        "badgeuse_portal_events_ingested_total{outcome=\"duplicate\"} " + std::to_string(m_duplicate) + "\n";
    out += "badgeuse_portal_events_ingested_total{outcome=\"refused\"} " + std::to_string(m_refused) + "\n";

    auto labels = [](const KioskContact& kiosk) {
        return "{site=\"" + escape_label(kiosk.site_name) + "\",kiosk=\"" + escape_label(kiosk.kiosk.name) +
               "\",kiosk_id=\"" + std::to_string(kiosk.kiosk.id) + "\"}";
    };
    header(out, "badgeuse_portal_kiosk_last_contact_seconds", "gauge",
           "When each kiosk last spoke to the portal, as a Unix time (kiosks that never did are left out).");
    for (const auto& kiosk : kiosks)
        if (kiosk.last_contact)
            out += "badgeuse_portal_kiosk_last_contact_seconds" + labels(kiosk) + " " +
                   std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                      kiosk.last_contact->time_since_epoch())
                                      .count()) +
                   "\n";
    header(out, "badgeuse_portal_kiosk_events_waiting", "gauge",
           "Events waiting in each kiosk's outbox, as it said at its last contact.");
    for (const auto& kiosk : kiosks)
        if (kiosk.last_contact)
            out += "badgeuse_portal_kiosk_events_waiting" + labels(kiosk) + " " +
                   std::to_string(kiosk.events_waiting) + "\n";
    return out;
}

} // namespace badgeuse::portal::server
