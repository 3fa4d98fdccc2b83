// `portal init` and `portal enroll` as an admin runs them (the real executable), and database.url.
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using namespace badgeuse::portal;
using badgeuse::testing::ProcessResult;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

ProcessResult portal_exe(const std::vector<std::string>& args) {
    return run_process(BADGEUSE_PORTAL_EXE, args);
}

std::string write_config(const TempDir& dir, const std::string& database_section) {
    const auto path = dir / "portal.toml";
    std::ofstream(path) << database_section;
    return path.string();
}

} // namespace

TEST_CASE("portal init creates the database named by database.url and says so, then finds it up to date") {
    TempDir dir;
    const std::string config = write_config(dir, "[database]\nurl = \"sqlite://data/portal.sqlite\"\n");
    std::filesystem::create_directory(dir / "data");
    auto first = portal_exe({"init", "--config", config});
    INFO(first.err);
    CHECK(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::StartsWith("created: ") && Catch::Contains("portal.sqlite"));
    CHECK(std::filesystem::exists(dir / "data" / "portal.sqlite"));
    auto second = portal_exe({"init", "--config", config});
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.out, Catch::StartsWith("up to date: "));
}

TEST_CASE("database.url must be a sqlite or postgresql URL, and says what it expected") {
    TempDir dir;
    auto postgres = portal_exe(
        {"init", "--config", write_config(dir, "[database]\nurl = \"postgresql://db.example\"\n")});
    CHECK(postgres.exit_code == 2);
    CHECK_THAT(postgres.err, Catch::Contains("database.url") && Catch::Contains("naming its database"));
    auto other = portal_exe({"init", "--config", write_config(dir, "[database]\nurl = \"/tmp/x.sqlite\"\n")});
    CHECK(other.exit_code == 2);
    CHECK_THAT(other.err, Catch::Contains("database.url: expected sqlite:///absolute/path"));
    auto scheme = portal_exe({"init", "--config", write_config(dir, "[database]\nurl = \"mysql://h/db\"\n")});
    CHECK(scheme.exit_code == 2);
    CHECK_THAT(scheme.err,
               Catch::Contains("postgresql://user@host/database") && Catch::Contains("mysql://h/db"));
    auto number = portal_exe({"init", "--config", write_config(dir, "[database]\nurl = 3\n")});
    CHECK(number.exit_code == 2);
    auto unknown = portal_exe({"init", "--config", write_config(dir, "[database]\npath = \"x\"\n")});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("database.path: unknown key"));
}

TEST_CASE("an absolute sqlite URL is used as it is") {
    TempDir dir;
    const std::string file = (dir / "abs.sqlite").string();
    const PortalConfig config =
        load_portal_config(write_config(dir, "[database]\nurl = \"sqlite://" + file + "\"\n"));
    CHECK(config.database.backend == DatabaseBackend::Sqlite);
    CHECK(config.database.sqlite_path == file);
}

TEST_CASE("portal enroll prints a one-time code that enrolls one kiosk of the site") {
    TempDir dir;
    const std::string config = write_config(dir, "[database]\nurl = \"sqlite://portal.sqlite\"\n");
    REQUIRE(portal_exe({"init", "--config", config}).exit_code == 0);
    {
        auto store = open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::MustExist);
        REQUIRE(store.ok());
        REQUIRE((*store)->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"}).ok());
    }
    auto r = portal_exe({"enroll", "--site", "Jules Ferry", "--name", "préau", "--config", config});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("valid until"));
    const std::string code = r.out.substr(0, r.out.find('\n'));
    CHECK(code.size() == 14);

    auto store = open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::MustExist);
    REQUIRE(store.ok());
    const Instant now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    auto first = (*store)->enroll(hash_secret(normalise_code(code)), "pc-1", "t1", now);
    REQUIRE(first.ok());
    CHECK(first->failure == EnrollFailure::None);
    CHECK(first->kiosk.name == "préau");
    CHECK((*store)->enroll(hash_secret(normalise_code(code)), "pc-2", "t2", now)->failure ==
          EnrollFailure::UsedCode);
}

TEST_CASE("portal enroll refuses a site that does not exist") {
    TempDir dir;
    const std::string config = write_config(dir, "");
    REQUIRE(portal_exe({"init", "--config", config}).exit_code == 0);
    auto r = portal_exe({"enroll", "--site", "Nowhere", "--name", "préau", "--config", config});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("portal: no site named \"Nowhere\""));
}

TEST_CASE("portal enroll before portal init says to run init") {
    TempDir dir;
    const std::string config = write_config(dir, "");
    auto r = portal_exe({"enroll", "--site", "A", "--name", "b", "--config", config});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("portal init"));
    CHECK_FALSE(std::filesystem::exists(dir / "portal.sqlite"));
}
