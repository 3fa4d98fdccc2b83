// portal.toml's [server] and [status] keys: defaults, paths relative to the file, and a bad value
// naming the file and the key.
#include "badgeuse/portal/portal_config.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse::portal;
using badgeuse::testing::TempDir;

namespace {

std::filesystem::path write_config(const TempDir& dir, const std::string& text) {
    const auto path = dir / "portal.toml";
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("the example portal.toml reads, with its TLS files beside it") {
    const PortalConfig config = load_portal_config(BADGEUSE_SOURCE_DIR "/config/portal.toml");
    CHECK(config.server.listen == "0.0.0.0:8443");
    CHECK(config.server.certificate == std::filesystem::path(BADGEUSE_SOURCE_DIR "/config/tls/portal.pem"));
    CHECK(config.server.requests_per_minute == 240);
    CHECK(config.status.silent_after_minutes == 30);
}

TEST_CASE("[server] and [status] keys are read, and default when absent") {
    TempDir dir;
    const PortalConfig defaults = load_portal_config(write_config(dir, ""));
    CHECK(defaults.server.listen == "0.0.0.0:8443");
    CHECK(defaults.server.certificate.empty());
    CHECK(defaults.server.idle_timeout == std::chrono::seconds(75));
    CHECK(defaults.status.silent_after_minutes == 30);

    const PortalConfig set = load_portal_config(
        write_config(dir, "[server]\nlisten = \"127.0.0.1:9443\"\ncertificate = \"tls/c.pem\"\n"
                          "requests_per_minute = 30\nmax_body_bytes = 4096\nidle_timeout_seconds = 5\n"
                          "[status]\nsilent_after_minutes = 90\n"));
    CHECK(set.server.listen == "127.0.0.1:9443");
    CHECK(set.server.certificate == dir / "tls/c.pem");
    CHECK(set.server.requests_per_minute == 30);
    CHECK(set.server.max_body_bytes == 4096);
    CHECK(set.server.idle_timeout == std::chrono::seconds(5));
    CHECK(set.status.silent_after_minutes == 90);
}

TEST_CASE("a bad [server] or [status] value names the file and the key") {
    TempDir dir;
    const auto fails_with = [&](const std::string& text, const std::string& key) {
        const auto path = write_config(dir, text);
        try {
            (void)load_portal_config(path);
            FAIL("no ConfigError for " << text);
        } catch (const ConfigError& e) {
            const std::string message = e.what();
            CHECK(message.find(path.string()) != std::string::npos);
            CHECK(message.find(key) != std::string::npos);
        }
    };
    fails_with("[server]\nrequests_per_minute = 0\n", "server.requests_per_minute");
    fails_with("[server]\nlisten = 8443\n", "server.listen");
    fails_with("[server]\ncertificat = \"x.pem\"\n", "server.certificat");
    fails_with("[server]\nidle_timeout_seconds = \"long\"\n", "server.idle_timeout_seconds");
    fails_with("[status]\nsilent_after_minutes = -5\n", "status.silent_after_minutes");
}
