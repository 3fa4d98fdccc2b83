// badgeuse-bench: runs the benchmarks, prints their tables and writes <out>/<name>.json.
#include "checkin_bench.hpp"
#include "drivers_bench.hpp"
#include "portal_push_bench.hpp"
#include "sync_bench.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App cli{"Badgeuse benchmarks", "badgeuse-bench"};
    std::string out = "build/bench";
    bool quick = false;
    std::string only;
    badgeuse::bench::CheckInBenchOptions checkin;
    badgeuse::bench::DriversBenchOptions nfc;
    badgeuse::bench::PortalPushBenchOptions portal_push;
    badgeuse::bench::SyncBenchOptions sync;
    sync.portal_exe = BADGEUSE_PORTAL_EXE;
    cli.add_option("--out", out, "Folder for the JSON figures and the databases");
    cli.add_flag("--quick", quick, "A small site, to check that the benchmarks run (figures mean little)");
    cli.add_option("--taps", checkin.taps, "Check-ins to time")->check(CLI::Range(10, 100000));
    cli.add_option("--only", only,
                   "Run one benchmark: checkin, nfc, portal-push, sync-pull, sync-push or sync-fleet")
        ->check(CLI::IsMember({"checkin", "nfc", "portal-push", "sync-pull", "sync-push", "sync-fleet"}));
    cli.add_option("--portal", sync.portal_exe, "The portal binary the sync benchmarks start (sync-*)");
    cli.add_option("--database", sync.database,
                   "The sync benchmarks' portal store: sqlite or postgresql (sync-*)")
        ->check(CLI::IsMember({"sqlite", "postgresql"}));
    cli.add_option("--kiosks", sync.fleet_kiosks, "Simulated kiosks (sync-fleet)")
        ->check(CLI::Range(1, 2000));
    cli.add_option("--pull-limit", sync.pull_page_limit, "Changes per page (sync-pull)")
        ->check(CLI::Range(1, 5000));
    cli.add_option("--apply-batch", sync.pull_apply_batch, "Changes per kiosk transaction (sync-pull)")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--push-events", portal_push.events, "Events to push (portal-push)")
        ->check(CLI::Range(200, 1000000));
    cli.add_option("--presentations", nfc.presentations, "Cards to present per polling period (nfc)")
        ->check(CLI::Range(5, 10000));
    CLI11_PARSE(cli, argc, argv);
    if (quick) {
        checkin.children = 300;
        checkin.past_events = 20'000;
        checkin.taps = std::min(checkin.taps, 200);
        nfc.presentations = std::min(nfc.presentations, 10);
        portal_push.events = std::min(portal_push.events, 1000);
        sync.pull_children = 200;
        sync.pull_school_days = 20;
        sync.push_events = 1000;
        sync.fleet_kiosks = std::min(sync.fleet_kiosks, 20);
        sync.fleet_period = std::chrono::seconds(2);
        sync.fleet_duration = std::chrono::seconds(6);
    }
    checkin.work_dir = out;
    nfc.work_dir = out;
    portal_push.work_dir = out;
    sync.work_dir = out;
    try {
        if (only.empty() || only == "checkin") {
            auto report = badgeuse::bench::run_checkin_bench(checkin);
            report.print();
            std::cout << "written: " << report.write_json(out).string() << '\n';
        }
        if (only.empty() || only == "nfc") {
            auto report = badgeuse::bench::run_drivers_bench(nfc);
            report.print();
            std::cout << "written: " << report.write_json(out).string() << '\n';
        }
        if (only.empty() || only == "portal-push") {
            for (const auto& report : badgeuse::bench::run_portal_push_bench(portal_push)) {
                report.print();
                std::cout << "written: " << report.write_json(out).string() << '\n';
            }
        }
        using SyncBench = badgeuse::bench::Report (*)(const badgeuse::bench::SyncBenchOptions&);
        for (const auto& [name, run] :
             {std::pair<const char*, SyncBench>{"sync-pull", badgeuse::bench::run_sync_pull_bench},
              {"sync-push", badgeuse::bench::run_sync_push_bench},
              {"sync-fleet", badgeuse::bench::run_sync_fleet_bench}}) {
            if (!only.empty() && only != name)
                continue;
            auto report = run(sync);
            report.print();
            std::cout << "written: " << report.write_json(out).string() << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "badgeuse-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
