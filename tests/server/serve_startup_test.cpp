// What `portal serve` refuses to start with: each a single line on stderr and exit status 2.
#include "http_client.hpp"
#include "portal_process.hpp"
#include "run_process.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>

using namespace badgeuse::testing;

namespace {

ProcessResult serve(const PortalHome& home, std::vector<std::string> extra) {
    std::vector<std::string> args = {"serve", "--config", home.config.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(BADGEUSE_PORTAL_EXE, args);
}

// Exactly one line, ending in a newline.
bool one_line(const std::string& text) {
    return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

} // namespace

TEST_CASE("portal serve --insecure-dev is refused on 0.0.0.0 with exit status 2") {
    PortalHome home;
    const auto result = serve(home, {"--insecure-dev", "--listen", "0.0.0.0:0"});
    CHECK(result.exit_code == 2);
    CHECK(one_line(result.err));
    CHECK(result.err.find("--insecure-dev") != std::string::npos);
    CHECK(result.err.find("0.0.0.0") != std::string::npos);
}

TEST_CASE("portal serve --insecure-dev on 127.0.0.1 answers plain HTTP") {
    PortalHome home;
    PortalProcess portal(home, {"--insecure-dev"});
    HttpClient client = HttpClient::plain(portal.port());
    const Reply reply = client.request("GET", "/v1/time");
    CHECK(reply.status == 401);
    CHECK(reply.body.find("no kiosk token") != std::string::npos);
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE(
    "portal serve names a missing certificate, a key that is not one, a bad address and a port in use") {
    PortalHome home;
    SECTION("a missing certificate") {
        std::filesystem::remove(home.pki.server_certificate);
        const auto result = serve(home, {"--listen", "127.0.0.1:0"});
        CHECK(result.exit_code == 2);
        CHECK(one_line(result.err));
        CHECK(result.err.find("server.certificate") != std::string::npos);
        CHECK(result.err.find("server.pem") != std::string::npos);
    }
    SECTION("a private key that is not a PEM key") {
        std::ofstream(home.pki.server_key) << "not a key\n";
        const auto result = serve(home, {"--listen", "127.0.0.1:0"});
        CHECK(result.exit_code == 2);
        CHECK(one_line(result.err));
        CHECK(result.err.find("server.private_key") != std::string::npos);
    }
    SECTION("a listen address that is not HOST:PORT") {
        const auto result = serve(home, {"--listen", "127.0.0.1:99999"});
        CHECK(result.exit_code == 2);
        CHECK(one_line(result.err));
        CHECK(result.err.find("bad listen address \"127.0.0.1:99999\"") != std::string::npos);
    }
    SECTION("a port another portal already listens on") {
        PortalProcess first(home);
        const auto result = serve(home, {"--listen", "127.0.0.1:" + std::to_string(first.port())});
        CHECK(result.exit_code == 2);
        CHECK(one_line(result.err));
        CHECK(result.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) !=
              std::string::npos);
        CHECK(result.err.find("in use") != std::string::npos);
        CHECK(first.stop(SIGTERM) == 0);
    }
}
