// The badge reader benchmark. Each presentation is a card the reader has not seen (no re-arm delay in
// the way), put on the emulator after a random pause so that it lands anywhere in the chip's polling
// cycle; the time is taken from the moment the emulator holds the card to the tap callback's call.
#include "drivers_bench.hpp"

#include "badgeuse/drivers/nfc/nfc_reader.hpp"
#include "badgeuse/drivers/sim/pn532_emulator.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

namespace badgeuse::bench {
namespace {

using namespace std::chrono_literals;
using namespace badgeuse::drivers;

struct Delivered {
    BadgeTap tap;
    MonotonicTime delivered;
};

Summary measure(Pn532Emulator& emulator, std::chrono::milliseconds period, int presentations, Report& report,
                const std::string& prefix) {
    NfcReaderOptions options;
    options.id = "bench";
    options.connstring = emulator.connstring();
    options.poll_period = period;
    options.rearm = std::max<std::chrono::milliseconds>(1000ms, 3 * period);
    NfcReader reader(options);

    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<Delivered> taps;
    ReaderCallbacks callbacks;
    callbacks.on_tap = [&](BadgeTap tap) {
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(mutex);
        taps.push_back({std::move(tap), now});
        arrived.notify_all();
    };
    callbacks.on_log = [](LogLevel, std::string_view) {};
    if (auto started = reader.start(std::move(callbacks)); !started)
        throw std::runtime_error("reader: " + started.error().message);
    auto connected_by = std::chrono::steady_clock::now() + 5s;
    while (reader.status().state != ReaderState::Connected) {
        if (std::chrono::steady_clock::now() > connected_by)
            throw std::runtime_error("the reader did not connect to the emulator: " + reader.status().text);
        std::this_thread::sleep_for(10ms);
    }

    std::mt19937 random(20240605);
    std::uniform_int_distribution<int> pause_ms(50, static_cast<int>(period.count()) * 2);
    Samples delivery;
    Samples detection; // to the tap's own stamp, without the callback's hand-over
    int missed = 0;
    for (int i = 0; i < presentations; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(random)));
        auto card =
            EmulatedCard::mifare_classic({0x0B, static_cast<std::uint8_t>(i >> 16),
                                          static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)});
        auto presented = emulator.present(card);
        std::unique_lock lock(mutex);
        if (!arrived.wait_for(lock, period * 4 + 1s,
                              [&] { return taps.size() == static_cast<std::size_t>(i + 1 - missed); })) {
            ++missed;
        } else {
            delivery.add(taps.back().delivered - presented);
            detection.add(taps.back().tap.at - presented);
        }
        lock.unlock();
        emulator.remove_all();
    }
    reader.stop();

    auto d = delivery.summary();
    report.add(prefix + ".poll_period_ms", static_cast<double>(period.count()), "ms");
    report.add_summary(prefix + ".delivery", d);
    report.add_summary(prefix + ".detection", detection.summary());
    report.add(prefix + ".median_over_period", d.median_us / 1000.0 / static_cast<double>(period.count()));
    report.add(prefix + ".p99_over_period", d.p99_us / 1000.0 / static_cast<double>(period.count()));
    report.add(prefix + ".missed", static_cast<double>(missed));
    return d;
}

} // namespace

Report run_drivers_bench(const DriversBenchOptions& options) {
    std::filesystem::create_directories(options.work_dir);
    auto emulator = Pn532Emulator::start(options.work_dir / "nfc-bench-pn532");
    if (!emulator)
        throw std::runtime_error("PN532 emulator: " + emulator.error().message);
    Report report("nfc");
    report.add("machine", machine_description());
    report.add("reader",
               std::string("NfcReader, libnfc ") + NfcReader::libnfc_version() + ", PN532 emulated on a pty");
    report.add("presentations_per_period", static_cast<double>(options.presentations));
    for (auto period : options.poll_periods) {
        std::cout << "nfc bench: " << options.presentations << " presentations, polling every "
                  << period.count() << " ms ..." << std::endl;
        measure(**emulator, period, options.presentations, report,
                "poll_" + std::to_string(period.count()) + "ms");
    }
    return report;
}

} // namespace badgeuse::bench
