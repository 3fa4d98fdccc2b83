// WedgeParser on input_event streams in evtest's format (tests/drivers/data/*.evtest). They are written
// by hand from the events a USB keyboard-wedge reader sends: this machine has no such reader and no
// /dev/uinput to make one, so the exclusive grab of a real device is not tested here.
#include "badgeuse/drivers/hid/wedge_parser.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

using namespace badgeuse;
using namespace badgeuse::drivers;

namespace {

// evtest's lines back into the records the kernel hands read().
std::vector<input_event> load_evtest(const std::string& name) {
    std::ifstream in(std::string(BADGEUSE_SOURCE_DIR) + "/tests/drivers/data/" + name);
    REQUIRE(in.good());
    static const std::regex event_line(
        R"(Event: time (\d+)\.(\d{6}), type (\d+) \([A-Z_]+\), code (\d+) \(\w+\), value (\w+))");
    static const std::regex sync_line(R"(Event: time (\d+)\.(\d{6}), -+ SYN_REPORT -+)");
    std::vector<input_event> events;
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        input_event event{};
        if (std::regex_match(line, m, event_line)) {
            event.input_event_sec = std::stol(m[1]);
            event.input_event_usec = std::stol(m[2]);
            event.type = static_cast<__u16>(std::stoi(m[3]));
            event.code = static_cast<__u16>(std::stoi(m[4]));
            // evtest prints MSC_SCAN values in hex, key values in decimal.
            event.value = std::stoi(m[5], nullptr, event.type == EV_MSC ? 16 : 10);
        } else if (std::regex_match(line, m, sync_line)) {
            event.input_event_sec = std::stol(m[1]);
            event.input_event_usec = std::stol(m[2]);
            event.type = EV_SYN;
        } else {
            continue;
        }
        events.push_back(event);
    }
    REQUIRE_FALSE(events.empty());
    return events;
}

// Feeds the stream as bytes in reads of `chunk` bytes (so records are cut across reads).
std::vector<WedgeLine> parse(const std::string& name, WedgeFormat format, std::size_t chunk = 7) {
    auto events = load_evtest(name);
    std::vector<std::byte> bytes(events.size() * sizeof(input_event));
    std::memcpy(bytes.data(), events.data(), bytes.size());
    WedgeParser parser(format);
    std::vector<WedgeLine> lines;
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
        auto part = parser.feed(std::span(bytes.data() + at, std::min(chunk, bytes.size() - at)));
        lines.insert(lines.end(), part.begin(), part.end());
    }
    return lines;
}

std::vector<std::string> uids(const std::vector<WedgeLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(line.uid.empty() ? "dropped: " + line.problem : line.uid);
    return out;
}

} // namespace

TEST_CASE("a keyboard wedge's 10-digit EM4100 numbers become 4-byte hex UIDs, records cut across reads") {
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, sizeof(input_event), std::size_t{4096}}) {
        INFO("read size " << chunk);
        CHECK(uids(parse("wedge_decimal_two_badges.evtest", WedgeFormat::Decimal, chunk)) ==
              std::vector<std::string>{"00BC614E", "DEADBEEF"});
    }
}

TEST_CASE("a keyboard wedge in hex types a 7-byte UID with shift held for the letters") {
    CHECK(uids(parse("wedge_hex_shifted.evtest", WedgeFormat::Hex)) ==
          std::vector<std::string>{"04A1B2C3D4E5F6"});
    // The same stream read as decimal: hex digits there are garbage.
    auto lines = parse("wedge_hex_shifted.evtest", WedgeFormat::Decimal);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].uid.empty());
    CHECK(lines[0].problem.find("hex digit in decimal input") != std::string::npos);
}

TEST_CASE("keyboard-wedge input with a key that is not a digit is dropped, and the next badge reads") {
    auto lines = parse("wedge_garbage_then_good.evtest", WedgeFormat::Decimal);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].uid.empty());
    CHECK(lines[0].problem.find("not a digit (code 45)") != std::string::npos);
    CHECK(lines[1].uid == "00BC614E");
}

TEST_CASE("overlong keyboard-wedge input is dropped without growing, and the next badge reads") {
    auto lines = parse("wedge_overlong_then_good.evtest", WedgeFormat::Hex);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].problem.find("more than 20 digits") != std::string::npos);
    CHECK(lines[1].uid == "0012345678");
}

TEST_CASE("a keyboard-wedge number cut off before Enter is dropped when the next one starts") {
    auto lines = parse("wedge_cut_off_then_good.evtest", WedgeFormat::Decimal);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].problem.find("incomplete input") != std::string::npos);
    CHECK(lines[1].uid == "00BC614E");
}

TEST_CASE("auto-repeat adds no digit and a lone Enter is no badge") {
    auto lines = parse("wedge_repeat_and_lone_enter.evtest", WedgeFormat::Decimal);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].problem == "expected 10 decimal digits, got 1");
    CHECK(lines[1].uid == "00BC614E");
}

TEST_CASE("a decimal number beyond 4 bytes is no EM4100 badge") {
    auto lines = parse("wedge_too_large_then_good.evtest", WedgeFormat::Decimal);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].problem.find("does not fit the 4 bytes") != std::string::npos);
    CHECK(lines[1].uid == "00BC614E");
}

TEST_CASE("the keyboard-wedge format is read from its configuration key") {
    CHECK(parse_wedge_format("decimal").value() == WedgeFormat::Decimal);
    CHECK(parse_wedge_format("hex").value() == WedgeFormat::Hex);
    auto bad = parse_wedge_format("octal");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "reader.format: expected \"decimal\" or \"hex\", got \"octal\"");
}
