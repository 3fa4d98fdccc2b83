// badge-sim: taps badges on a simulated reader (the kiosk's --demo, the tests), or listens as one.
//   badge-sim tap UID [--socket PATH]
//   badge-sim burst N [--rate PER_SECOND] [--uid UID] [--socket PATH]
//   badge-sim listen [--socket PATH]
#include "badgeuse/drivers/sim/sim_reader.hpp"
#include "badgeuse/drivers/uid_bytes.hpp"

#include <charconv>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace badgeuse::drivers;
using namespace std::chrono_literals;

constexpr int kUsageError = 2;

int usage(const std::string& problem) {
    std::cerr << "badge-sim: " << problem << "\n"
              << "usage: badge-sim tap UID [--socket PATH]\n"
              << "       badge-sim burst N [--rate PER_SECOND] [--uid UID] [--socket PATH]\n"
              << "       badge-sim listen [--socket PATH]\n"
              << "default socket: " << kDefaultSimSocket << '\n';
    return kUsageError;
}

std::optional<long> parse_count(const std::string& text, long low, long high) {
    long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
        return std::nullopt;
    return value;
}

volatile std::sig_atomic_t g_interrupted = 0;

int listen(const std::string& socket) {
    SimReader reader(SimReaderOptions{"sim", socket});
    ReaderCallbacks callbacks;
    callbacks.on_tap = [](BadgeTap tap) { std::cout << "tap " << tap.uid << std::endl; };
    callbacks.on_log = [](LogLevel, std::string_view line) { std::cerr << "badge-sim: " << line << '\n'; };
    if (auto started = reader.start(std::move(callbacks)); !started) {
        std::cerr << "badge-sim: " << started.error().message << '\n';
        return 1;
    }
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    std::signal(SIGTERM, [](int) { g_interrupted = 1; });
    while (g_interrupted == 0)
        std::this_thread::sleep_for(100ms);
    reader.stop();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string socket = kDefaultSimSocket;
    std::string rate_text;
    std::string fixed_uid;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--socket" || args[i] == "--rate" || args[i] == "--uid") {
            if (i + 1 >= args.size())
                return usage(args[i] + " needs a value");
            std::string& target = args[i] == "--socket" ? socket
                                  : args[i] == "--rate" ? rate_text
                                                        : fixed_uid;
            target = args[++i];
        } else if (args[i] == "--help" || args[i] == "-h") {
            usage("taps badges on a simulated reader");
            return 0;
        } else if (args[i].starts_with("--")) {
            return usage("unknown option " + args[i]);
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.empty())
        return usage("expected a command: tap, burst or listen");
    const std::string& command = positional[0];

    if (command == "listen") {
        if (positional.size() != 1)
            return usage("listen takes no argument");
        return listen(socket);
    }
    if (command == "tap") {
        if (positional.size() != 2)
            return usage("tap takes one UID, such as 04A1B2C3");
        if (auto uid = uid_from_hex(positional[1]); !uid)
            return usage(uid.error().message);
        auto client = SimClient::open(socket);
        if (!client) {
            std::cerr << "badge-sim: " << client.error().message << '\n';
            return 1;
        }
        if (auto sent = client->tap(positional[1]); !sent) {
            std::cerr << "badge-sim: " << sent.error().message << '\n';
            return 1;
        }
        return 0;
    }
    if (command == "burst") {
        if (positional.size() != 2)
            return usage("burst takes a number of taps, such as 1000");
        auto count = parse_count(positional[1], 1, 1'000'000);
        if (!count)
            return usage("burst: expected a number of taps from 1 to 1000000, got " + positional[1]);
        std::optional<long> rate;
        if (!rate_text.empty() && !(rate = parse_count(rate_text, 1, 1'000'000)))
            return usage("--rate: expected taps per second from 1 to 1000000, got " + rate_text);
        if (!fixed_uid.empty())
            if (auto uid = uid_from_hex(fixed_uid); !uid)
                return usage("--uid: " + uid.error().message);
        auto client = SimClient::open(socket);
        if (!client) {
            std::cerr << "badge-sim: " << client.error().message << '\n';
            return 1;
        }
        auto start = std::chrono::steady_clock::now();
        for (long i = 0; i < *count; ++i) {
            if (rate)
                std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1'000'000 / *rate));
            // Distinct badges by default, so that a flood is not mistaken for one card held.
            auto n = static_cast<std::uint32_t>(0xB0000000u + static_cast<std::uint32_t>(i));
            const std::uint8_t bytes[] = {static_cast<std::uint8_t>(n >> 24),
                                          static_cast<std::uint8_t>(n >> 16),
                                          static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
            std::string uid = fixed_uid.empty() ? uid_to_hex(bytes) : fixed_uid;
            if (auto sent = client->tap(uid); !sent) {
                std::cerr << "badge-sim: after " << i << " taps: " << sent.error().message << '\n';
                return 1;
            }
        }
        auto elapsed =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        std::cout << "sent " << *count << " taps in " << elapsed.count() << " ms\n";
        return 0;
    }
    return usage("unknown command " + command);
}
