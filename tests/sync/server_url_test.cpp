// The portal's URL from kiosk.toml or --server: https with a host and a port; plain http to loopback only.
#include "badgeuse/sync/server_url.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse::sync;

TEST_CASE("a portal URL gives its host and port, 443 by default") {
    auto url = parse_server_url("https://portail.ville.fr:8443");
    REQUIRE(url);
    CHECK(url->scheme == Scheme::Https);
    CHECK(url->host == "portail.ville.fr");
    CHECK(url->port == "8443");
    CHECK(url->text() == "https://portail.ville.fr:8443");
    auto bare = parse_server_url("https://portail.ville.fr/");
    REQUIRE(bare);
    CHECK(bare->port == "443");
    auto v6 = parse_server_url("https://[::1]:9000");
    REQUIRE(v6);
    CHECK(v6->host == "::1");
    CHECK(v6->text() == "https://[::1]:9000");
}

TEST_CASE("a portal URL without https, with a path or a bad port is refused with the reason") {
    auto ftp = parse_server_url("ftp://portail.ville.fr");
    REQUIRE_FALSE(ftp);
    CHECK_THAT(ftp.error().message, Catch::Contains("does not start with https://"));
    auto path = parse_server_url("https://portail.ville.fr/api");
    REQUIRE_FALSE(path);
    CHECK_THAT(path.error().message, Catch::Contains("path"));
    auto port = parse_server_url("https://portail.ville.fr:99999");
    REQUIRE_FALSE(port);
    CHECK_THAT(port.error().message, Catch::Contains("port"));
    CHECK_FALSE(parse_server_url("https://:8443"));
}

TEST_CASE("plain http is accepted for a loopback portal only") {
    CHECK(parse_server_url("http://127.0.0.1:8080"));
    CHECK(parse_server_url("http://localhost:8080"));
    auto remote = parse_server_url("http://portail.ville.fr:8080");
    REQUIRE_FALSE(remote);
    CHECK_THAT(remote.error().message, Catch::Contains("unencrypted"));
}
