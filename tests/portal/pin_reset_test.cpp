// `portal pin reset`: a one-time code printed once, only its argon2id hash stored in a PinRecord of
// the family's (or staff member's) site, valid 72 hours, the old PIN dropped.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/pin_reset_command.hpp"
#include "badgeuse/portal/portal_store.hpp"
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

// Two sites; the Martin family (1, BLENFANCE-1-1) at Jules Ferry with a PIN, Nadia (staff 1) at Curie.
struct Portal {
    TempDir dir;
    std::string config = (dir / "portal.toml").string();
    std::unique_ptr<PortalStore> store =
        open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::CreateIfMissing).value();
    SiteId ferry = store->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"}).value();
    SiteId curie = store->add_site(Site{SiteId{}, "Curie", "Laigneville"}).value();

    Portal() {
        std::ofstream(config) << "[database]\nurl = \"sqlite://portal.sqlite\"\n";
        REQUIRE(
            store
                ->commit(ferry,
                         {{protocol::ChangeKind::Upsert,
                           Family{FamilyId{}, ferry, "BLENFANCE-1-1", "Famille Martin"}},
                          {protocol::ChangeKind::Upsert,
                           protocol::PinRecord{protocol::PinSubject::Family, 1, "$argon2id$old", "", {}}}})
                .ok());
        REQUIRE(store
                    ->commit(curie, {{protocol::ChangeKind::Upsert,
                                      StaffMember{StaffId{}, curie, "Nadia", "Benali", "animatrice"}}})
                    .ok());
        fixture_cursor = 3;
    }

    ProcessResult reset(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"pin", "reset"};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--config", config});
        return run_process(BADGEUSE_PORTAL_EXE, all);
    }

    // The site's changes after the fixture's own.
    std::vector<protocol::Change> changes(SiteId site) const {
        return store->changes_after(site, fixture_cursor, 100).value().changes;
    }

    std::int64_t fixture_cursor = 0;
};

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

TEST_CASE("a family's PIN reset prints a code whose hash alone travels to the family's site") {
    Portal portal;
    const ProcessResult result = portal.reset({"--family", "BLENFANCE-1-1"});
    REQUIRE(result.exit_code == 0);
    const std::string code = first_line(result.out);
    CHECK(code.size() == kPinResetDigits);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
    CHECK_THAT(result.err,
               Catch::Contains("Famille Martin (BLENFANCE-1-1)") && Catch::Contains("Jules Ferry"));

    const auto changes = portal.changes(portal.ferry);
    REQUIRE(changes.size() == 1);
    const auto& pin = std::get<protocol::PinRecord>(changes[0].data);
    CHECK(pin.subject == protocol::PinSubject::Family);
    CHECK(pin.id == 1);
    CHECK(pin.pin_hash.empty()); // the old PIN no longer opens the family's account
    CHECK_THAT(pin.reset_code_hash, Catch::StartsWith("$argon2id$"));
    CHECK(pin.reset_code_hash.find(code) == std::string::npos);
    CHECK(reset_code_matches(pin.reset_code_hash, code));
    std::string wrong = code;
    wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
    CHECK_FALSE(reset_code_matches(pin.reset_code_hash, wrong));
    CHECK(portal.changes(portal.curie).empty()); // Curie got nothing
    CHECK(portal.store->find_pin(protocol::PinSubject::Family, 1).value()->reset_code_hash ==
          pin.reset_code_hash);
}

TEST_CASE("a reset code expires 72 hours after the reset, by the injected clock") {
    Portal portal;
    const Instant now = *paris::parse_iso8601("2027-01-15T08:00:00+01:00");
    const ManualClock clock(now);
    auto reset = reset_pin(*portal.store, protocol::PinSubject::Staff, 1, clock);
    REQUIRE(reset.ok());
    CHECK(reset->record.reset_expires == *paris::parse_iso8601("2027-01-18T08:00:00+01:00"));
    CHECK(reset->site_name == "Curie");
    const auto changes = portal.changes(portal.curie);
    REQUIRE(changes.size() == 1);
    CHECK(std::get<protocol::PinRecord>(changes[0].data).reset_expires == reset->record.reset_expires);
    CHECK(std::get<protocol::PinRecord>(changes[0].data).subject == protocol::PinSubject::Staff);
}

TEST_CASE("two resets give two different codes, the second replacing the first") {
    Portal portal;
    const ProcessResult first = portal.reset({"--staff", "1"});
    const ProcessResult second = portal.reset({"--staff", "1"});
    REQUIRE(first.exit_code == 0);
    REQUIRE(second.exit_code == 0);
    CHECK(first_line(first.out) != first_line(second.out));
    const auto pin = portal.store->find_pin(protocol::PinSubject::Staff, 1).value();
    REQUIRE(pin.has_value());
    CHECK(reset_code_matches(pin->reset_code_hash, first_line(second.out)));
    CHECK_FALSE(reset_code_matches(pin->reset_code_hash, first_line(first.out)));
}

TEST_CASE("a PIN reset for no one, or for two at once, is refused on one line with status 2") {
    Portal portal;
    const auto refused = [&](const std::vector<std::string>& args, const std::string& says) {
        const ProcessResult result = portal.reset(args);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains(says));
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    };
    refused({"--family", "BLENFANCE-9-9"}, "no family with the subscriber code BLENFANCE-9-9");
    refused({"--family", "MARTIN"}, "expected a subscriber code");
    refused({"--staff", "7"}, "no staff member 7");
    refused({"--staff", "abc"}, "expected a staff member's id");
    refused({}, "needs one of --family CODE or --staff ID");
    refused({"--family", "BLENFANCE-1-1", "--staff", "1"}, "excludes");
    CHECK(portal.changes(portal.ferry).empty());
    CHECK(portal.changes(portal.curie).empty());
}
