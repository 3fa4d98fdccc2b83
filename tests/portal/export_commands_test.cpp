// `portal export attendance` and `portal export billing` on a built database: the real executable,
// its CSV as a spreadsheet would read it, each billing category from the facts that make it.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/export_commands.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;
using badgeuse::testing::ProcessResult;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Uuid uuid_n(std::uint8_t n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = n;
    return Uuid::from_random_bytes(bytes);
}

const Date kMonday = *parse_date("2027-01-11");

AttendanceEvent attendance(std::uint8_t n, std::int64_t child, std::int64_t activity, EventKind kind,
                           std::string_view when) {
    AttendanceEvent event;
    event.id = uuid_n(n);
    event.child = ChildId{child};
    event.activity = ActivityId{activity};
    event.day = kMonday;
    event.kind = kind;
    event.at = at(when);
    return event;
}

// Jules Ferry: the Martin family's children Léa (1), Tom (2), Awa (3), Noé (4), Zoé (5), Hugo (6),
// the canteen (1) and evening care (2), Nadia (staff 1). On Monday 11 January 2027, at the canteen:
// Léa booked and came; Tom booked, badged, and the badge was voided; Awa booked with a justified
// absence; Noé booked and tried to cancel too late; Zoé came unbooked, checked in by Nadia; Hugo's
// booking was cancelled in time. Léa also came to evening care unbooked. Curie: one child who came.
struct Portal {
    TempDir dir;
    std::string config = (dir / "portal.toml").string();
    std::unique_ptr<PortalStore> store =
        open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::CreateIfMissing).value();
    SiteId ferry = store->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"}).value();
    SiteId curie = store->add_site(Site{SiteId{}, "Curie", "Laigneville"}).value();

    Portal() {
        std::ofstream(config) << "[database]\nurl = \"sqlite://portal.sqlite\"\n";
        std::vector<Write> writes{
            {ChangeKind::Upsert, Family{FamilyId{}, ferry, "BLENFANCE-1-1", "Famille Martin"}}};
        for (const char* name : {"Léa", "Tom", "Awa", "Noé", "Zoé", "Hugo"}) {
            Child child;
            child.family = FamilyId{1};
            child.first_name = name;
            child.last_name = "Martin";
            child.class_name = std::string(name) == "Zoé" ? "CM1, \"B\"" : "CP-A";
            writes.push_back({ChangeKind::Upsert, child});
        }
        writes.push_back({ChangeKind::Upsert, canteen(ActivityId{})});
        writes.push_back({ChangeKind::Upsert, evening_care(ActivityId{})});
        writes.push_back(
            {ChangeKind::Upsert, StaffMember{StaffId{}, ferry, "Nadia", "Benali", "animatrice"}});
        for (std::int64_t child : {1, 2, 3, 4, 6})
            writes.push_back({ChangeKind::Upsert, ReservationRecord{{ChildId{child}, ActivityId{1}, kMonday},
                                                                    ReservationState::Booked}});
        writes.push_back(
            {ChangeKind::Upsert, Absence{AbsenceId{}, ChildId{3}, *parse_date("2027-01-10"),
                                         *parse_date("2027-01-12"), "angine", Justification::Justified}});
        REQUIRE(store->commit(ferry, writes).ok());

        AttendanceEvent tom = attendance(2, 2, 1, EventKind::Arrival, "2027-01-11T11:41:00+01:00");
        AttendanceEvent undo = attendance(3, 2, 1, EventKind::Void, "2027-01-11T11:42:00+01:00");
        undo.voids = tom.id;
        undo.capture = Capture::Manual;
        AttendanceEvent zoe = attendance(4, 5, 1, EventKind::Arrival, "2027-01-11T11:45:00+01:00");
        zoe.capture = Capture::Manual;
        zoe.recorded_by = StaffId{1};
        zoe.flag = AttendanceFlag::NotReserved;
        AttendanceEvent evening = attendance(5, 1, 2, EventKind::Arrival, "2027-01-11T16:35:00+01:00");
        evening.flag = AttendanceFlag::NotReserved;
        const std::vector<Event> events{
            attendance(1, 1, 1, EventKind::Arrival, "2027-01-11T11:40:00+01:00"),
            tom,
            undo,
            zoe,
            evening,
            attendance(6, 1, 2, EventKind::Departure, "2027-01-11T18:05:00+01:00"),
            BookingIntent{uuid_n(7), ChildId{4}, ActivityId{1}, kMonday, BookingAction::Cancel,
                          at("2027-01-08T09:00:00+01:00")},
            BookingIntent{uuid_n(8), ChildId{6}, ActivityId{1}, kMonday, BookingAction::Cancel,
                          at("2027-01-06T09:00:00+01:00")}};
        auto results = store->ingest(KioskIdentity{1, ferry, "préau"}, events,
                                     at("2027-01-11T19:00:00+01:00"), HolidayRegion::Metropole);
        REQUIRE(results.ok());
        REQUIRE(results->results[6].reason == "too_late");
        REQUIRE(results->results[7].outcome == Outcome::Accepted);

        Child far;
        far.family = FamilyId{2};
        far.first_name = "Inès";
        far.last_name = "Curie";
        REQUIRE(store
                    ->commit(curie, {{ChangeKind::Upsert,
                                      Family{FamilyId{}, curie, "BLENFANCE-2-2", "Famille Curie"}},
                                     {ChangeKind::Upsert, far}})
                    .ok());
        REQUIRE(store
                    ->ingest(KioskIdentity{2, curie, "cantine"},
                             {attendance(9, 7, 1, EventKind::Arrival, "2027-01-11T11:50:00+01:00")},
                             at("2027-01-11T19:00:00+01:00"), HolidayRegion::Metropole)
                    .ok());
    }

    ProcessResult run(std::vector<std::string> args) const {
        args.insert(args.end(), {"--config", config});
        return run_process(BADGEUSE_PORTAL_EXE, args);
    }
};

} // namespace

TEST_CASE("the attendance export gives one row per child, activity and day, voided badges left out") {
    Portal portal;
    const ProcessResult result = portal.run(
        {"export", "attendance", "--from", "2027-01-11", "--to", "2027-01-11", "--site", "Jules Ferry"});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "day,site,activity,child,class,arrival,departure,capture,recorded_by,flags\r\n"
          "2027-01-11,Jules Ferry,cantine,Léa Martin,CP-A,2027-01-11T11:40:00+01:00,,badge,,\r\n"
          "2027-01-11,Jules Ferry,cantine,Zoé Martin,\"CM1, \"\"B\"\"\",2027-01-11T11:45:00+01:00,,manual,"
          "Nadia Benali,not_reserved\r\n"
          "2027-01-11,Jules Ferry,peri-soir,Léa Martin,CP-A,2027-01-11T16:35:00+01:00,"
          "2027-01-11T18:05:00+01:00,badge,,not_reserved\r\n");
}

TEST_CASE("the attendance export covers every site without --site, and only the days asked") {
    Portal portal;
    const ProcessResult all =
        portal.run({"export", "attendance", "--from", "2027-01-04", "--to", "2027-01-15"});
    CHECK(all.exit_code == 0);
    CHECK_THAT(all.out, Catch::Contains("2027-01-11,Curie,cantine,Inès Curie,,2027-01-11T11:50:00+01:00"));
    CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 5);
    const ProcessResult none =
        portal.run({"export", "attendance", "--from", "2027-01-12", "--to", "2027-01-31"});
    CHECK(none.exit_code == 0);
    CHECK(none.out == std::string(kAttendanceExportHeader) + "\r\n");
}

TEST_CASE("the billing export gives each child's day its category") {
    Portal portal;
    const ProcessResult result = portal.run({"export", "billing", "--month", "2027-01"});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "day,site,subscriber_code,child_id,child,class,activity,category\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,1,Léa Martin,CP-A,cantine,booked_present\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,1,Léa Martin,CP-A,peri-soir,present_unbooked\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,2,Tom Martin,CP-A,cantine,absent_unjustified\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,3,Awa Martin,CP-A,cantine,absence_justified\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,4,Noé Martin,CP-A,cantine,changed_after_deadline\r\n"
          "2027-01-11,Jules Ferry,BLENFANCE-1-1,5,Zoé Martin,\"CM1, \"\"B\"\"\",cantine,"
          "present_unbooked\r\n"
          "2027-01-11,Curie,BLENFANCE-2-2,7,Inès Curie,,cantine,present_unbooked\r\n");
}

TEST_CASE("a staff correction decides the billing over the badges") {
    Portal portal;
    // Tom was there after all; Léa's badge was a mistake.
    const std::vector<Event> corrections{
        StaffCorrection{uuid_n(20), StaffId{1}, ChildId{2}, ActivityId{1}, kMonday,
                        CorrectionKind::MarkPresent, "badge oublié", at("2027-01-11T14:00:00+01:00")},
        StaffCorrection{uuid_n(21), StaffId{1}, ChildId{1}, ActivityId{1}, kMonday,
                        CorrectionKind::MarkAbsent, "badge de sa sœur", at("2027-01-11T14:01:00+01:00")}};
    REQUIRE(portal.store
                ->ingest(KioskIdentity{1, portal.ferry, "préau"}, corrections,
                         at("2027-01-11T19:00:00+01:00"), HolidayRegion::Metropole)
                .ok());
    const ProcessResult result = portal.run({"export", "billing", "--month", "2027-01"});
    CHECK_THAT(result.out, Catch::Contains(",1,Léa Martin,CP-A,cantine,absent_unjustified\r\n") &&
                               Catch::Contains(",2,Tom Martin,CP-A,cantine,booked_present\r\n"));
}

TEST_CASE("a month with nothing to bill gives the header alone") {
    Portal portal;
    const ProcessResult result = portal.run({"export", "billing", "--month", "2027-02"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == std::string(kBillingExportHeader) + "\r\n");
}

TEST_CASE("bad export arguments are one line on stderr and status 2") {
    Portal portal;
    const auto refused = [&](const std::vector<std::string>& args, const std::string& says) {
        const ProcessResult result = portal.run(args);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains(says));
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    };
    refused({"export", "billing", "--month", "2027-13"}, "--month: expected YYYY-MM");
    refused({"export", "billing", "--month", "janvier"}, "--month: expected YYYY-MM");
    refused({"export", "billing"}, "--month");
    refused({"export", "attendance", "--from", "2027-02-30", "--to", "2027-03-01"}, "--from:");
    refused({"export", "attendance", "--from", "2027-01-11", "--to", "2027-01-04"}, "is before --from");
    refused({"export", "attendance", "--from", "2027-01-11"}, "--to");
    refused({"export", "attendance", "--from", "2027-01-11", "--to", "2027-01-11", "--site", "Pasteur"},
            "no site named \"Pasteur\"");
    const ProcessResult bare = run_process(BADGEUSE_PORTAL_EXE, {"export"});
    CHECK(bare.exit_code == 2);
    CHECK(bare.err == "portal: portal export needs one of: attendance, billing (see portal --help)\n");
}

TEST_CASE("CSV fields are quoted only when they must be") {
    CHECK(csv_field("Léa") == "Léa");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("dit \"Marco\"") == "\"dit \"\"Marco\"\"\"");
    CHECK(csv_field("deux\nlignes") == "\"deux\nlignes\"");
    CHECK(csv_field("") == "");
}
