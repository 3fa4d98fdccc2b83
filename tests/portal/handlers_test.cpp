// The portal's API through handle(), without a socket, on both stores (a real SQLite file, a real
// PostgreSQL database): enrollment, token checks, pulls, pushes, and the refusal of bad requests with
// nothing written.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/handlers.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

using badgeuse::testing::PostgreSQL;
using badgeuse::testing::SQLite;

template <typename Backend>
struct Api {
    testing::TempDir dir;
    std::unique_ptr<PortalStore> store =
        open_portal_store(Backend::fresh(dir), OpenMode::CreateIfMissing).value();
    ManualClock clock{at("2027-05-03T08:00:00+02:00")};
    Services services{*store, clock};
    SiteId site = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
    SiteId other_site = *store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});

    Response call(std::string method, std::string target, std::string body = {}, std::string token = {}) {
        Request request{std::move(method), std::move(target), {}, std::move(body)};
        if (!token.empty())
            request.headers["authorization"] = "Bearer " + token;
        return handle(request, services);
    }

    // Prints a code for a kiosk of `for_site`, as `portal enroll` does.
    std::string new_code(SiteId for_site, std::string_view name = "préau") {
        const std::string code = *make_enrollment_code();
        REQUIRE(store
                    ->add_enrollment_code(for_site, name, hash_secret(normalise_code(code)),
                                          clock.now() + kEnrollmentCodeLifetime)
                    .ok());
        return code;
    }

    // Enrolls a kiosk of `for_site` through the API and gives its token.
    std::string enroll(SiteId for_site, std::string_view name = "préau") {
        const std::string code = new_code(for_site, name);
        const Response response = call("POST", "/v1/enroll", encode(EnrollRequest{code, std::string(name)}));
        REQUIRE(response.status == 200);
        auto enrolled = decode_enroll_response(response.body);
        REQUIRE(enrolled.ok());
        CHECK(enrolled->site == for_site);
        return enrolled->token;
    }
};

std::string error_text(const Response& response) {
    auto error = decode_error_response(response.body);
    REQUIRE(error.ok());
    return error->message;
}

const std::string kArrival =
    R"({"events":[{"type":"attendance","id":"0f8fad5b-d9cb-469f-a165-70867728950e","child":1,"activity":1,"day":"2027-05-03","kind":"arrival","capture":"badge","flag":"none","at":"2027-05-03T11:40:00+02:00"}]})";

} // namespace

#define API_TEST(name) TEMPLATE_TEST_CASE(name, "[api]", SQLite, PostgreSQL)

API_TEST("a kiosk enrolls with a code typed in lower case and spaces, then reads its site") {
    Api<TestType> api;
    const std::string code = api.new_code(api.site);
    std::string typed;
    for (char c : code)
        typed += c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const Response response = api.call("POST", "/v1/enroll", encode(EnrollRequest{typed, "préau"}));
    REQUIRE(response.status == 200);
    const std::string token = decode_enroll_response(response.body)->token;
    CHECK(api.call("GET", "/v1/changes?after=0", {}, token).status == 200);
}

API_TEST("an enrollment code is refused the second time and after 24 hours") {
    Api<TestType> api;
    const std::string code = api.new_code(api.site);
    const std::string stale = api.new_code(api.site);
    CHECK(api.call("POST", "/v1/enroll", encode(EnrollRequest{code, "a"})).status == 200);
    const Response again = api.call("POST", "/v1/enroll", encode(EnrollRequest{code, "b"}));
    CHECK(again.status == 403);
    CHECK_THAT(error_text(again), Catch::Contains("already used"));
    api.clock.advance(kEnrollmentCodeLifetime);
    const Response expired = api.call("POST", "/v1/enroll", encode(EnrollRequest{stale, "c"}));
    CHECK(expired.status == 403);
    CHECK_THAT(error_text(expired), Catch::Contains("24 hours"));
    CHECK(api.call("POST", "/v1/enroll", encode(EnrollRequest{"AAAA-BBBB-CCCC", "d"})).status == 403);
}

API_TEST("a request without a token or with an unknown one is 401") {
    Api<TestType> api;
    CHECK(api.call("GET", "/v1/changes?after=0").status == 401);
    CHECK(api.call("GET", "/v1/time").status == 401);
    CHECK(api.call("POST", "/v1/events", kArrival).status == 401);
    CHECK(api.call("GET", "/v1/changes?after=0", {}, "forged").status == 401);
    CHECK(*api.store->event_count() == 0);
}

API_TEST("a token asking for another site's changes is 403") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    const Response response =
        api.call("GET", "/v1/changes?after=0&site=" + std::to_string(api.other_site.value), {}, token);
    CHECK(response.status == 403);
    CHECK(api.call("GET", "/v1/changes?after=0&site=" + std::to_string(api.site.value), {}, token).status ==
          200);
}

API_TEST("a kiosk pulls only its own site's changes") {
    Api<TestType> api;
    REQUIRE(api.store
                ->commit(api.site,
                         {{ChangeKind::Upsert, Family{FamilyId{}, api.site, "BLENFANCE-1-1", "Martin"}}})
                .ok());
    REQUIRE(api.store
                ->commit(api.other_site,
                         {{ChangeKind::Upsert, Family{FamilyId{}, api.other_site, "BLENFANCE-2-2", "Curie"}}})
                .ok());
    const std::string token = api.enroll(api.other_site);
    const Response response = api.call("GET", "/v1/changes?after=0&limit=10", {}, token);
    REQUIRE(response.status == 200);
    auto page = decode_pull_response(response.body);
    REQUIRE(page.ok());
    REQUIRE(page->changes.size() == 1);
    CHECK(std::get<Family>(page->changes[0].data).name == "Curie");
}

API_TEST("a pushed event is accepted once and a repeat is a duplicate") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    const Response first = api.call("POST", "/v1/events", kArrival, token);
    REQUIRE(first.status == 200);
    CHECK(decode_push_response(first.body)->results.at(0).outcome == Outcome::Accepted);
    const Response second = api.call("POST", "/v1/events", kArrival, token);
    REQUIRE(second.status == 200);
    CHECK(decode_push_response(second.body)->results.at(0).outcome == Outcome::Duplicate);
    CHECK(*api.store->event_count() == 1);
}

API_TEST("malformed JSON, a wrong type or an unknown field is 400 with a message and nothing written") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    const Response broken = api.call("POST", "/v1/events", R"({"events":[)", token);
    CHECK(broken.status == 400);
    CHECK_THAT(error_text(broken), Catch::StartsWith("malformed JSON"));
    // The first event is fine and the second is not: neither is stored.
    std::string two = kArrival;
    two.insert(two.size() - 2,
               R"(,{"type":"attendance","id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","child":"1"})");
    const Response typed = api.call("POST", "/v1/events", two, token);
    CHECK(typed.status == 400);
    CHECK(error_text(typed) == "events[1].child: expected an integer");
    std::string extra = kArrival;
    extra.insert(extra.size() - 3, R"(,"urgent":true)");
    const Response unknown = api.call("POST", "/v1/events", extra, token);
    CHECK(unknown.status == 400);
    CHECK(error_text(unknown) == "events[0].urgent: unknown field");
    CHECK(*api.store->event_count() == 0);
    CHECK(api.call("GET", "/v1/changes?limit=5", {}, token).status == 400);
}

API_TEST("a body over the size limit is 413 and not read") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    api.services.max_body_bytes = 100;
    const Response response = api.call("POST", "/v1/events", kArrival, token);
    CHECK(response.status == 413);
    CHECK_THAT(error_text(response), Catch::Contains("limit is 100"));
    CHECK(*api.store->event_count() == 0);
}

API_TEST("the server time is the portal clock's") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    const Response response = api.call("GET", "/v1/time", {}, token);
    REQUIRE(response.status == 200);
    CHECK(decode_time_response(response.body)->server_time == api.clock.now());
}

API_TEST("an unknown path is 404 and a wrong method 405") {
    Api<TestType> api;
    CHECK(api.call("GET", "/v1/nothing").status == 404);
    CHECK(api.call("GET", "/v1/events").status == 405);
    CHECK(api.call("POST", "/v1/time").status == 405);
}

API_TEST("tokens are stored hashed, never as sent") {
    Api<TestType> api;
    const std::string token = api.enroll(api.site);
    CHECK(api.store->kiosk_by_token(token)->has_value() == false);
    CHECK(api.store->kiosk_by_token(hash_secret(token))->has_value());
}
