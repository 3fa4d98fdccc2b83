// badgeuse-bench: runs the benchmarks, prints their tables and writes <out>/<name>.json.
#include "checkin_bench.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App cli{"Badgeuse benchmarks", "badgeuse-bench"};
    std::string out = "build/bench";
    bool quick = false;
    badgeuse::bench::CheckInBenchOptions checkin;
    cli.add_option("--out", out, "Folder for the JSON figures and the databases");
    cli.add_flag("--quick", quick, "A small site, to check that the benchmarks run (figures mean little)");
    cli.add_option("--taps", checkin.taps, "Check-ins to time")->check(CLI::Range(10, 100000));
    CLI11_PARSE(cli, argc, argv);
    if (quick) {
        checkin.children = 300;
        checkin.past_events = 20'000;
        checkin.taps = std::min(checkin.taps, 200);
    }
    checkin.work_dir = out;
    try {
        auto report = badgeuse::bench::run_checkin_bench(checkin);
        report.print();
        std::cout << "written: " << report.write_json(out).string() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "badgeuse-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
