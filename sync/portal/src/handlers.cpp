// Routing, authentication and error mapping of the portal's API. Every decode happens before any
// write, so a malformed request (400) leaves the database as it was; per-event refusals are 200s.
#include "badgeuse/portal/handlers.hpp"

#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"

#include <optional>
#include <string_view>

namespace badgeuse::portal {
namespace {

Response error_response(int status, std::string message) {
    return Response{status, protocol::encode(protocol::ErrorResponse{std::move(message)})};
}

// A store failure is the portal's problem, not the kiosk's: 500, and the kiosk retries later.
Response store_failure(const Error& error) {
    return error_response(500, "the portal could not do it: " + error.message);
}

struct Target {
    std::string_view path;
    std::string_view query;
};

Target split_target(std::string_view target) {
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos)
        return {target, {}};
    return {target.substr(0, question), target.substr(question + 1)};
}

enum class Auth { Ok, Missing, Unknown, Failed };

struct Authenticated {
    Auth state = Auth::Missing;
    KioskIdentity kiosk;
    Error error;
};

Authenticated authenticate(const Request& request, PortalStore& store) {
    const auto header = request.headers.find("authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header == request.headers.end() || !header->second.starts_with(kBearer) ||
        header->second.size() == kBearer.size())
        return {};
    auto kiosk = store.kiosk_by_token(hash_secret(std::string_view(header->second).substr(kBearer.size())));
    if (!kiosk)
        return {Auth::Failed, {}, kiosk.error()};
    if (!kiosk->has_value())
        return {Auth::Unknown, {}, {}};
    return {Auth::Ok, **kiosk, {}};
}

std::optional<Response> refuse_unauthenticated(const Authenticated& auth) {
    switch (auth.state) {
    case Auth::Ok:
        return std::nullopt;
    case Auth::Missing:
        return error_response(
            401, "no kiosk token: send \"Authorization: Bearer <token>\" (enroll the kiosk first)");
    case Auth::Unknown:
        return error_response(401, "unknown kiosk token: enroll the kiosk again with a new code");
    case Auth::Failed:
        break;
    }
    return store_failure(auth.error);
}

Response enroll(const Request& request, Services& services) {
    auto message = protocol::decode_enroll_request(request.body);
    if (!message)
        return error_response(400, message.error().message);
    auto token = make_token();
    if (!token)
        return store_failure(token.error());
    auto enrollment = services.store.enroll(hash_secret(normalise_code(message->code)), message->kiosk_name,
                                            hash_secret(*token), services.clock.now());
    if (!enrollment)
        return store_failure(enrollment.error());
    switch (enrollment->failure) {
    case EnrollFailure::None:
        break;
    case EnrollFailure::UnknownCode:
        return error_response(403,
                              "unknown enrollment code: check it, or print a new one with `portal enroll`");
    case EnrollFailure::UsedCode:
        return error_response(403,
                              "this enrollment code was already used: print a new one with `portal enroll`");
    case EnrollFailure::ExpiredCode:
        return error_response(
            403, "this enrollment code is older than 24 hours: print a new one with `portal enroll`");
    }
    return Response{200, protocol::encode(protocol::EnrollResponse{*token, enrollment->kiosk.site,
                                                                   enrollment->site_name})};
}

Response changes(std::string_view query, const KioskIdentity& kiosk, Services& services) {
    auto pull = protocol::decode_pull_query(query);
    if (!pull)
        return error_response(400, pull.error().message);
    if (pull->site && pull->site != kiosk.site)
        return error_response(403, "this kiosk's token reads its own site only (site " +
                                       std::to_string(kiosk.site.value) + ")");
    auto page = services.store.stored_changes_after(kiosk.site, pull->after, pull->limit);
    if (!page)
        return store_failure(page.error());
    return Response{200, protocol::encode(*page)};
}

Response events(const Request& request, const KioskIdentity& kiosk, Services& services) {
    auto push = protocol::decode_push_request(request.body);
    if (!push)
        return error_response(400, push.error().message);
    auto results = services.store.ingest(kiosk, push->events, services.clock.now(), services.region);
    if (!results)
        return store_failure(results.error());
    return Response{200, protocol::encode(*results)};
}

} // namespace

Response handle(const Request& request, Services& services) {
    const Target target = split_target(request.target);
    enum class Route { Enroll, Changes, Events, Time, Unknown };
    Route route = Route::Unknown;
    std::string_view method;
    if (target.path == "/v1/enroll") {
        route = Route::Enroll;
        method = "POST";
    } else if (target.path == "/v1/changes") {
        route = Route::Changes;
        method = "GET";
    } else if (target.path == "/v1/events") {
        route = Route::Events;
        method = "POST";
    } else if (target.path == "/v1/time") {
        route = Route::Time;
        method = "GET";
    }
    if (route == Route::Unknown)
        return error_response(404, "no such API path: " + std::string(target.path));
    if (request.method != method)
        return error_response(405, std::string(target.path) + " answers " + std::string(method) + " only");
    if (request.body.size() > services.max_body_bytes)
        return error_response(413, "the body is " + std::to_string(request.body.size()) +
                                       " bytes; the limit is " + std::to_string(services.max_body_bytes) +
                                       ": push fewer events at once");
    if (route == Route::Enroll)
        return enroll(request, services);

    const Authenticated auth = authenticate(request, services.store);
    if (auto refusal = refuse_unauthenticated(auth))
        return *refusal;
    switch (route) {
    case Route::Changes:
        return changes(target.query, auth.kiosk, services);
    case Route::Events:
        return events(request, auth.kiosk, services);
    case Route::Time:
        return Response{200, protocol::encode(protocol::TimeResponse{services.clock.now()})};
    case Route::Enroll:
    case Route::Unknown:
        break;
    }
    return error_response(404, "no such API path");
}

} // namespace badgeuse::portal
