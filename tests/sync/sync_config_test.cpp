// kiosk.toml's [sync]: the portal's URL, its CA, the token file and the pull interval, with paths
// relative to the file; a bad value stops the kiosk naming the key.
#include "kiosk_config.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using badgeuse::testing::TempDir;

namespace {

std::filesystem::path write_toml(const TempDir& dir, const std::string& text) {
    const auto path = dir / "kiosk.toml";
    std::ofstream(path) << text;
    return path;
}

std::string refusal(const std::filesystem::path& path) {
    try {
        (void)kiosk::read_kiosk_config(path, {});
    } catch (const kiosk::ConfigError& error) {
        return error.what();
    }
    return "accepted";
}

} // namespace

TEST_CASE("kiosk.toml [sync] gives the portal, its CA, the token file and the pull interval") {
    TempDir dir;
    const auto path =
        write_toml(dir, "[sync]\nserver = \"https://portail.ville.fr:8443\"\nca = \"portal-ca.pem\"\n"
                        "token_file = \"secrets/token\"\npull_seconds = 20\n");
    const auto config = kiosk::read_kiosk_config(path, {});
    REQUIRE(config.sync);
    CHECK(config.sync->server == "https://portail.ville.fr:8443");
    CHECK(config.sync->ca == dir.path() / "portal-ca.pem");
    CHECK(config.sync->token_file == dir.path() / "secrets" / "token");
    CHECK(config.sync->pull_every == std::chrono::seconds{20});
}

TEST_CASE("kiosk.toml without [sync] runs the kiosk alone, and [sync] defaults its token and interval") {
    TempDir dir;
    CHECK_FALSE(kiosk::read_kiosk_config(write_toml(dir, "[kiosk]\nlanguage = \"fr\"\n"), {}).sync);
    const auto config =
        kiosk::read_kiosk_config(write_toml(dir, "[sync]\nserver = \"https://10.0.0.5\"\n"), {});
    REQUIRE(config.sync);
    CHECK(config.sync->token_file == dir.path() / "token");
    CHECK(config.sync->pull_every == std::chrono::seconds{30});
    CHECK(config.sync->ca.empty());
}

TEST_CASE("a bad [sync] value names the file and the key") {
    TempDir dir;
    CHECK_THAT(refusal(write_toml(dir, "[sync]\nca = \"ca.pem\"\n")),
               Catch::Contains("kiosk.toml: sync.server: missing"));
    CHECK_THAT(refusal(write_toml(dir, "[sync]\nserver = \"portail.ville.fr\"\n")),
               Catch::Contains("sync.server") && Catch::Contains("https://"));
    CHECK_THAT(refusal(write_toml(dir, "[sync]\nserver = \"http://portail.ville.fr\"\n")),
               Catch::Contains("sync.server") && Catch::Contains("unencrypted"));
    CHECK_THAT(refusal(write_toml(dir, "[sync]\nserver = \"https://p.fr\"\npull_seconds = 1\n")),
               Catch::Contains("sync.pull_seconds") && Catch::Contains("5 to 3600"));
    CHECK_THAT(refusal(write_toml(dir, "[sync]\nserver = \"https://p.fr\"\nretry = 3\n")),
               Catch::Contains("sync.retry: unknown key"));
}
