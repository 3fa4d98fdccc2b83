// badgeuse-bench: runs the benchmarks, prints their tables and writes <out>/<name>.json.
#include "checkin_bench.hpp"
#include "drivers_bench.hpp"

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
    cli.add_option("--out", out, "Folder for the JSON figures and the databases");
    cli.add_flag("--quick", quick, "A small site, to check that the benchmarks run (figures mean little)");
    cli.add_option("--taps", checkin.taps, "Check-ins to time")->check(CLI::Range(10, 100000));
    cli.add_option("--only", only, "Run one benchmark: checkin or nfc")
        ->check(CLI::IsMember({"checkin", "nfc"}));
    cli.add_option("--presentations", nfc.presentations, "Cards to present per polling period (nfc)")
        ->check(CLI::Range(5, 10000));
    CLI11_PARSE(cli, argc, argv);
    if (quick) {
        checkin.children = 300;
        checkin.past_events = 20'000;
        checkin.taps = std::min(checkin.taps, 200);
        nfc.presentations = std::min(nfc.presentations, 10);
    }
    checkin.work_dir = out;
    nfc.work_dir = out;
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
    } catch (const std::exception& e) {
        std::cerr << "badgeuse-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
