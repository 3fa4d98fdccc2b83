// The PN532 emulator: its framing alone, then libnfc's own nfc-list against it (how it is validated).
#include "badgeuse/drivers/sim/pn532_frame.hpp"
#include "emulated_pn532.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace badgeuse;
using namespace badgeuse::drivers;
using badgeuse::testing::card;
using badgeuse::testing::start_emulator;
using badgeuse::testing::TempDir;

namespace {

using Bytes = std::vector<std::uint8_t>;

// libnfc's nfc-list on the emulator, and only on it (no autoscan, no configured device).
badgeuse::testing::ProcessResult nfc_list(const Pn532Emulator& emulator) {
    ::setenv("LIBNFC_DEVICE", emulator.connstring().c_str(), 1);
    ::setenv("LIBNFC_AUTO_SCAN", "false", 1);
    ::setenv("LIBNFC_LOG_LEVEL", "1", 1);
    return badgeuse::testing::run_process("/usr/bin/nfc-list", {"-t", "1"});
}

} // namespace

TEST_CASE("a host command split across reads and preceded by the wake-up bytes is reassembled") {
    pn532::HostFrameReader reader;
    Bytes wakeup{0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Bytes sam = pn532::command_frame(Bytes{0x14, 0x01, 0x14, 0x01});
    Bytes stream = wakeup;
    stream.insert(stream.end(), sam.begin(), sam.end());
    reader.feed(std::span(stream.data(), 10));
    CHECK_FALSE(reader.next().has_value());
    reader.feed(std::span(stream.data() + 10, stream.size() - 10));
    auto frame = reader.next();
    REQUIRE(frame.has_value());
    CHECK(frame->kind == pn532::HostFrame::Kind::Command);
    CHECK(frame->data == Bytes{0x14, 0x01, 0x14, 0x01});
    CHECK_FALSE(reader.next().has_value());
    CHECK(reader.rejected() == 0);
}

TEST_CASE("a host frame with a bad checksum is rejected and the next frame is still read") {
    pn532::HostFrameReader reader;
    Bytes bad = pn532::command_frame(Bytes{0x02});
    bad[bad.size() - 2] ^= 0xFF; // the data checksum
    Bytes good = pn532::command_frame(Bytes{0x4A, 0x01, 0x00});
    Bytes ack = pn532::ack_frame();
    Bytes stream = bad;
    stream.insert(stream.end(), good.begin(), good.end());
    stream.insert(stream.end(), ack.begin(), ack.end());
    reader.feed(stream);
    auto first = reader.next();
    REQUIRE(first.has_value());
    CHECK(first->data == Bytes{0x4A, 0x01, 0x00});
    auto second = reader.next();
    REQUIRE(second.has_value());
    CHECK(second->kind == pn532::HostFrame::Kind::Ack);
    CHECK(reader.rejected() == 1);
}

TEST_CASE("a reply frame carries D5, the command code plus one and checksums that sum to zero") {
    Bytes frame = pn532::reply_frame(0x02, Bytes{0x32, 0x01, 0x06, 0x07});
    REQUIRE(frame.size() == 3 + 2 + 2 + 4 + 2);
    CHECK(frame[0] == 0x00);
    CHECK(frame[1] == 0x00);
    CHECK(frame[2] == 0xFF);
    CHECK(static_cast<std::uint8_t>(frame[3] + frame[4]) == 0);
    CHECK(frame[5] == 0xD5);
    CHECK(frame[6] == 0x03);
    std::uint8_t sum = 0;
    for (std::size_t i = 5; i < frame.size() - 1; ++i)
        sum = static_cast<std::uint8_t>(sum + frame[i]);
    CHECK(sum == 0);
    CHECK(frame.back() == 0x00);
}

TEST_CASE("a card is made to the kind its UID's size suggests") {
    CHECK(card("04A1B2C3").sak == 0x08);
    CHECK(card("04:11:22:33:44:55:66").atqa == std::array<std::uint8_t, 2>{0x00, 0x44});
    CHECK(card("04112233445566778899").sak == 0x20);
    CHECK(card("04112233445566778899").uid_hex() == "04112233445566778899");
    CHECK_FALSE(EmulatedCard::from_uid("04A1B2").ok());
}

TEST_CASE("libnfc's nfc-list opens the emulated PN532 and lists its 4-byte card") {
    TempDir dir;
    auto emulator = start_emulator(dir);
    emulator->present(card("04A1B2C3"));
    auto listed = nfc_list(*emulator);
    INFO(listed.out << listed.err);
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("opened") != std::string::npos);
    CHECK(listed.out.find("1 ISO14443A passive target(s) found") != std::string::npos);
    CHECK(listed.out.find("UID (NFCID1): 04  a1  b2  c3") != std::string::npos);
    CHECK(listed.out.find("ATQA (SENS_RES): 00  04") != std::string::npos);
    CHECK(listed.out.find("SAK (SEL_RES): 08") != std::string::npos);
    auto counters = emulator->counters();
    CHECK(counters.opens == 1);
    CHECK(counters.power_downs == 1);
    CHECK(counters.rejected == 0);
}

TEST_CASE("libnfc's nfc-list reads a 7-byte UID and finds both of two cards") {
    TempDir dir;
    auto emulator = start_emulator(dir);
    emulator->present(card("04112233445566"));
    emulator->present(card("08B0C0D0"));
    auto listed = nfc_list(*emulator);
    INFO(listed.out << listed.err);
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("2 ISO14443A passive target(s) found") != std::string::npos);
    CHECK(listed.out.find("UID (NFCID1): 04  11  22  33  44  55  66") != std::string::npos);
    // libnfc prints a UID starting with 08 (a random UID) as NFCID3.
    CHECK(listed.out.find("UID (NFCID3): 08  b0  c0  d0") != std::string::npos);
}

TEST_CASE("libnfc's nfc-list finds no device once the emulated reader is unplugged") {
    TempDir dir;
    auto emulator = start_emulator(dir);
    emulator->unplug();
    CHECK_FALSE(std::filesystem::exists(emulator->link()));
    auto listed = nfc_list(*emulator);
    INFO(listed.out << listed.err);
    CHECK(listed.out.find("opened") == std::string::npos);
    REQUIRE(emulator->plug().ok());
    emulator->present(card("04A1B2C3"));
    auto again = nfc_list(*emulator);
    INFO(again.out << again.err);
    CHECK(again.out.find("1 ISO14443A passive target(s) found") != std::string::npos);
}
