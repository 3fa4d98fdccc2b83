// libFuzzer target on what a stranger can send the portal: the bytes of an HTTP request, parsed with
// Beast's request parser under the server's limits, then served as `portal serve` serves it
// (PortalService: the web API, the kiosks' API through handle(), contacts, metrics) on an in-memory
// SQLite portal with one enrolled kiosk and one web token; every codec decoder also reads the body
// (see codec_round_trip.hpp). Seeds: tests/fuzz/corpus (valid requests of each kind; kiosk token
// "fuzz-token", web token "fuzz-web-token").
#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/handlers.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "codec_round_trip.hpp"
#include "server/portal_service.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

namespace http = boost::beast::http;
using namespace badgeuse;

// The session's header limit; the body limit is handle()'s own (kMaxBodyBytes).
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "fuzz fixture: %s: %s\n", what, result.error().message.c_str());
        std::abort();
    }
    return std::move(result).value();
}

// One portal for the whole run: opening SQLite per input would cost more than the input itself. Its
// data grows with what the fuzzer pushes, which is what a long-running portal sees too.
struct FuzzPortal {
    ManualClock clock{*paris::parse_iso8601("2027-05-03T08:00:00+02:00")};
    std::unique_ptr<portal::PortalStore> store =
        must(portal::open_sqlite_portal_store(":memory:", portal::OpenMode::CreateIfMissing), "open store");
    portal::PortalConfig config = [] {
        portal::PortalConfig c;
        c.server.requests_per_minute = 1'000'000'000; // a 429 would stop the fuzzer at the door
        return c;
    }();
    portal::server::PortalService service{*store, clock, config, std::nullopt};

    FuzzPortal() {
        const SiteId site = must(store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"}), "site");
        // The fuzzer's own kiosk (token "fuzz-token"), and a code left for the enroll seed to use.
        const Instant expires = clock.now() + portal::kEnrollmentCodeLifetime;
        for (std::string_view code : {"FUZZ-SELF-0000", "FUZZ-CODE-0001"})
            if (!store->add_enrollment_code(site, "préau", portal::hash_secret(portal::normalise_code(code)),
                                            expires))
                std::abort();
        must(store->enroll(portal::hash_secret(portal::normalise_code("FUZZ-SELF-0000")), "fuzz",
                           portal::hash_secret("fuzz-token"), clock.now()),
             "enroll");
        if (!store->add_web_token("fuzz", portal::hash_secret("fuzz-web-token"), clock.now()))
            std::abort();
        // Child 1 of family 1 and the canteen (activity 1), so that the seeds' events are decided.
        const FamilyId family{must(store->next_id("family"), "family id")};
        Child child;
        child.family = family;
        child.first_name = "Léa";
        child.last_name = "Martin";
        child.class_name = "CP-A";
        must(store->commit(site,
                           {{protocol::ChangeKind::Upsert, Family{family, site, "BLENFANCE-1-1", "Martin"}},
                            {protocol::ChangeKind::Upsert, child},
                            {protocol::ChangeKind::Upsert, canteen(ActivityId{})}}),
             "seed data");
    }
};

// A fresh portal every so many inputs bounds the in-memory database of a ten-minute run.
constexpr int kInputsPerPortal = 20000;

FuzzPortal& fuzz_portal() {
    static std::unique_ptr<FuzzPortal> instance;
    static int inputs = 0;
    if (!instance || ++inputs % kInputsPerPortal == 0)
        instance = std::make_unique<FuzzPortal>();
    return *instance;
}

// BADGEUSE_FUZZ_TRACE=1 prints each answer: to replay a reproducer and see what the portal said.
bool tracing() {
    static const bool on = std::getenv("BADGEUSE_FUZZ_TRACE") != nullptr;
    return on;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Feeds the whole input to the parser the way a session does; false when it is not one whole request.
bool parse_request(const std::uint8_t* data, std::size_t size, http::request<http::string_body>& out) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(portal::kMaxBodyBytes);
    parser.eager(true);
    boost::beast::error_code error;
    std::size_t used = 0;
    while (!parser.is_done() && used < size) {
        const std::size_t n = parser.put(boost::asio::const_buffer(data + used, size - used), error);
        used += n;
        if (error == http::error::need_more && n == 0)
            break;
        if (error && error != http::error::need_more)
            return false;
    }
    if (!parser.is_done()) {
        parser.put_eof(error);
        if (error || !parser.is_done())
            return false;
    }
    out = parser.release();
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzPortal& portal = fuzz_portal();
    http::request<http::string_body> parsed;
    if (!parse_request(data, size, parsed)) {
        // Not HTTP: let the decoders read the bytes as a body, so JSON is explored directly too.
        badgeuse::fuzz::check_every_decoder(std::string_view(reinterpret_cast<const char*>(data), size));
        return 0;
    }
    portal::Request request;
    request.method = std::string(parsed.method_string());
    request.target = std::string(parsed.target());
    for (const auto& field : parsed)
        request.headers.emplace(lower(field.name_string()), std::string(field.value()));
    request.body = std::move(parsed.body());

    badgeuse::fuzz::check_every_decoder(request.body);
    const std::size_t question = request.target.find('?');
    if (question != std::string::npos)
        badgeuse::fuzz::check_pull_query(std::string_view(request.target).substr(question + 1));

    const portal::server::Served served = portal.service.serve(request, {"127.0.0.1", true});
    const portal::Response& response = served.response;
    if (tracing())
        std::fprintf(stderr, "%s %s -> %d %.300s\n", request.method.c_str(), request.target.c_str(),
                     response.status, response.body.c_str());
    // A 5xx answers a fault of the portal's own (a store failure), never a bad request: a crash here.
    if (response.status < 200 || response.status >= 500) {
        std::fprintf(stderr, "handle() answered %d: %s\n", response.status, response.body.c_str());
        std::abort();
    }
    return 0;
}
