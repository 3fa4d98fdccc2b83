// HidReader's thread: open, grab, read, reopen. A FIFO stands in for the evdev device (no keyboard-wedge
// reader and no /dev/uinput on this machine): what it proves is the read loop, not the kernel's grab.
#include "badgeuse/drivers/hid/hid_reader.hpp"
#include "reader_probe.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace badgeuse::drivers;
using namespace std::chrono_literals;
using badgeuse::testing::ReaderProbe;
using badgeuse::testing::TempDir;

namespace {

// The records a wedge reader sends for `text` (digits and '\n'), key down and up with a report each.
std::vector<input_event> typed(const std::string& text) {
    static const std::map<char, unsigned> codes{{'1', KEY_1}, {'2', KEY_2}, {'3', KEY_3},     {'4', KEY_4},
                                                {'5', KEY_5}, {'6', KEY_6}, {'7', KEY_7},     {'8', KEY_8},
                                                {'9', KEY_9}, {'0', KEY_0}, {'\n', KEY_ENTER}};
    std::vector<input_event> events;
    long usec = 0;
    for (char c : text) {
        for (int value : {1, 0}) {
            input_event key{};
            key.input_event_usec = usec;
            key.type = EV_KEY;
            key.code = static_cast<__u16>(codes.at(c));
            key.value = value;
            input_event sync{};
            sync.input_event_usec = usec;
            events.push_back(key);
            events.push_back(sync);
            usec += 4000;
        }
    }
    return events;
}

void write_events(int fd, const std::vector<input_event>& events) {
    auto size = events.size() * sizeof(input_event);
    REQUIRE(::write(fd, events.data(), size) == static_cast<ssize_t>(size));
}

std::filesystem::path make_fifo(const TempDir& dir) {
    auto path = dir / "event-kbd";
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    return path;
}

} // namespace

TEST_CASE("a keyboard-wedge reader taps what it reads from its device, and reopens it when it goes (FIFO, no "
          "uinput here)") {
    TempDir dir;
    auto path = make_fifo(dir);
    ReaderProbe probe;
    HidReader reader(HidReaderOptions{"gate", path, WedgeFormat::Decimal, HidGrab::Shared, 100ms});
    REQUIRE(reader.start(probe.callbacks()).ok());
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));

    int writer = ::open(path.c_str(), O_WRONLY);
    REQUIRE(writer >= 0);
    write_events(writer, typed("0012345678\n3735928559\n"));
    REQUIRE(probe.wait_for_taps(2, 2s));
    CHECK(probe.tap_uids() == std::vector<std::string>{"00BC614E", "DEADBEEF"});
    CHECK(probe.taps()[0].reader == "gate");

    // The writer leaving is this stand-in's unplug: searching, then the device is opened again.
    ::close(writer);
    REQUIRE(probe.wait_for_state(ReaderState::Searching, 2s));
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
    writer = ::open(path.c_str(), O_WRONLY);
    REQUIRE(writer >= 0);
    write_events(writer, typed("12\n0012345678\n"));
    REQUIRE(probe.wait_for_taps(3, 2s));
    CHECK(probe.tap_uids().back() == "00BC614E");
    CHECK(probe.wait_for_log("dropped keyboard-wedge input: expected 10 decimal digits, got 2", 1s));
    ::close(writer);
    auto begin = std::chrono::steady_clock::now();
    reader.stop();
    CHECK(std::chrono::steady_clock::now() - begin < 200ms);
}

TEST_CASE("a keyboard-wedge device that cannot be grabbed exclusively is an error staff can act on") {
    TempDir dir;
    auto path = make_fifo(dir); // not an evdev device: EVIOCGRAB fails as it would for a wrong path
    ReaderProbe probe;
    HidReader reader(HidReaderOptions{"hid", path, WedgeFormat::Decimal, HidGrab::Exclusive, 100ms});
    REQUIRE(reader.start(probe.callbacks()).ok());
    REQUIRE(probe.wait_for_state(ReaderState::Error, 2s));
    CHECK(reader.status().text.find("is not an input device that can be grabbed") != std::string::npos);
    CHECK(reader.status().text.find("/dev/input/by-id/") != std::string::npos);
}

TEST_CASE("an absent keyboard-wedge reader shows searching and is found once plugged in") {
    TempDir dir;
    auto path = dir / "event-kbd";
    ReaderProbe probe;
    HidReader reader(HidReaderOptions{"hid", path, WedgeFormat::Hex, HidGrab::Shared, 100ms});
    REQUIRE(reader.start(probe.callbacks()).ok());
    REQUIRE(probe.wait_for_text("no keyboard-wedge reader at " + path.string(), 2s));
    CHECK(reader.status().state == ReaderState::Searching);
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
}

TEST_CASE("a keyboard-wedge reader without a device path is refused at start") {
    ReaderProbe probe;
    HidReader reader(HidReaderOptions{});
    auto started = reader.start(probe.callbacks());
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message.find("reader.device") != std::string::npos);
}
