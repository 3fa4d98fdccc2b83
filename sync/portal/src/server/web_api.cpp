// A web booking is pushed through the same PortalStore::ingest as a kiosk's booking intent, made now
// by the portal's clock: the deadline (event_rules.cpp's decide_booking) and "the latest intent
// wins" are the very code that judges kiosks, and the change reaches the site's kiosks in /v1/changes.
#include "web_api.hpp"

#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/json_reader.hpp"
#include "badgeuse/protocol/keys.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <openssl/rand.h>
#include <optional>
#include <string_view>

namespace badgeuse::portal::server {
namespace {

namespace json = boost::json;

Response error_response(int status, std::string message) {
    return Response{status, protocol::encode(protocol::ErrorResponse{std::move(message)})};
}

Response store_failure(const Error& error) {
    return error_response(500, "the portal could not do it: " + error.message);
}

struct WebBooking {
    ChildId child;
    ActivityId activity;
    Date day;
    protocol::BookingAction action = protocol::BookingAction::Book;
};

Result<WebBooking> decode_web_booking(std::string_view text) {
    const json::value value = BADGEUSE_TRY(protocol::parse_json(text));
    auto reader = BADGEUSE_TRY(protocol::ObjectReader::open(value, ""));
    WebBooking booking;
    booking.child = ChildId{BADGEUSE_TRY(reader.integer("child"))};
    booking.activity = ActivityId{BADGEUSE_TRY(reader.integer("activity"))};
    booking.day = BADGEUSE_TRY(reader.date("day"));
    booking.action = BADGEUSE_TRY(reader.key("action", protocol::parse_booking_action_key));
    BADGEUSE_CHECK(reader.finish());
    return booking;
}

Result<Uuid> random_uuid() {
    std::array<std::uint8_t, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return make_error("no random bytes for an event id");
    return Uuid::from_random_bytes(bytes);
}

Response book(const Request& request, WebServices& services, const std::string& caller) {
    auto booking = decode_web_booking(request.body);
    if (!booking)
        return error_response(400, booking.error().message);
    auto site = services.store.site_of_child(booking->child);
    if (!site)
        return store_failure(site.error());
    if (!site->has_value())
        return error_response(404, "no child " + std::to_string(booking->child.value) + " at the portal");
    auto id = random_uuid();
    if (!id)
        return store_failure(id.error());
    Instant now = services.clock.now();
    if (services.previous_intent != nullptr) {
        now = std::max(now, *services.previous_intent + std::chrono::milliseconds(1));
        *services.previous_intent = now;
    }
    const protocol::BookingIntent intent{*id,          booking->child,  booking->activity,
                                         booking->day, booking->action, now};
    // Kiosk 0 is no kiosk: the events table keeps web bookings beside the kiosks' ones.
    const KioskIdentity web{0, **site, caller};
    auto pushed = services.store.ingest(web, {protocol::Event{intent}}, now, services.region);
    if (!pushed)
        return store_failure(pushed.error());
    const protocol::EventResult& result = pushed->results.at(0);
    json::object body;
    body["outcome"] = protocol::outcome_key(result.outcome);
    body["reason"] = result.reason;
    body["message"] = result.message;
    body["event"] = result.event.to_string();
    return Response{200, json::serialize(body)};
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const std::string hex(text.substr(i + 1, 2));
            if (hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
                return std::nullopt;
            out += static_cast<char>(std::stoi(hex, nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// "site=S&day=D&activity=A": each once, nothing else.
Result<std::map<std::string, std::string>> parse_roster_query(std::string_view query) {
    std::map<std::string, std::string> fields;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        const std::string_view name = pair.substr(0, eq);
        if (name != "site" && name != "day" && name != "activity")
            return make_error("unknown query parameter \"" + std::string(name) +
                              "\"; expected site, day, activity");
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!value)
            return make_error(std::string(name) + ": bad percent-encoding");
        if (!fields.emplace(std::string(name), *value).second)
            return make_error(std::string(name) + " is given twice");
    }
    for (const char* name : {"site", "day", "activity"})
        if (!fields.contains(name))
            return make_error(std::string("missing query parameter ") + name +
                              " (expected site=NAME&day=YYYY-MM-DD&activity=ID)");
    return fields;
}

Response roster(std::string_view query, WebServices& services) {
    auto fields = parse_roster_query(query);
    if (!fields)
        return error_response(400, fields.error().message);
    auto day = parse_date((*fields)["day"]);
    if (!day)
        return error_response(400, "day: " + day.error().message);
    const std::string& activity_text = (*fields)["activity"];
    if (activity_text.empty() || activity_text.size() > 18 ||
        activity_text.find_first_not_of("0123456789") != std::string::npos)
        return error_response(400, "activity: expected an activity id, a whole number");
    const ActivityId activity{std::stoll(activity_text)};
    auto site = services.store.find_site((*fields)["site"]);
    if (!site)
        return store_failure(site.error());
    if (!site->has_value())
        return error_response(404, "no site named \"" + (*fields)["site"] + "\"");
    auto records = services.store.reservations_on((*site)->id, activity, *day);
    if (!records)
        return store_failure(records.error());
    json::array children;
    std::int64_t booked = 0;
    for (const auto& record : *records) {
        json::object line;
        line["child"] = record.reservation.child.value;
        line["state"] = protocol::reservation_state_key(record.state);
        booked += record.state == protocol::ReservationState::Booked ? 1 : 0;
        children.push_back(std::move(line));
    }
    json::object body;
    body["site"] = (*site)->name;
    body["site_id"] = (*site)->id.value;
    body["day"] = format_date(*day);
    body["activity"] = activity.value;
    body["booked"] = booked;
    body["children"] = std::move(children);
    return Response{200, json::serialize(body)};
}

} // namespace

Response handle_web(const Request& request, WebServices& services, std::string& caller) {
    const std::string_view target = request.target;
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const std::string_view query =
        question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
    std::string_view method;
    if (path == "/v1/web/bookings")
        method = "POST";
    else if (path == "/v1/web/roster")
        method = "GET";
    else
        return error_response(404, "no such API path: " + std::string(path));
    if (request.method != method)
        return error_response(405, std::string(path) + " answers " + std::string(method) + " only");

    const auto header = request.headers.find("authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header == request.headers.end() || !header->second.starts_with(kBearer) ||
        header->second.size() == kBearer.size())
        return error_response(401, "no web-portal token: send \"Authorization: Bearer <token>\" (made by "
                                   "`portal web-token --name NAME`)");
    const std::string hash = hash_secret(std::string_view(header->second).substr(kBearer.size()));
    auto name = services.store.web_token_name(hash);
    if (!name)
        return store_failure(name.error());
    if (!name->has_value()) {
        auto kiosk = services.store.kiosk_by_token(hash);
        if (kiosk && kiosk->has_value())
            return error_response(403, "a kiosk's token cannot use the web-portal API");
        return error_response(401, "unknown web-portal token: make one with `portal web-token --name NAME`");
    }
    caller = "web:" + **name;
    if (path == "/v1/web/bookings")
        return book(request, services, caller);
    return roster(query, services);
}

} // namespace badgeuse::portal::server
