// NfcReader against the real libnfc 1.8.0, talking to the PN532 emulator over a pty.
#include "badgeuse/drivers/nfc/nfc_reader.hpp"
#include "emulated_pn532.hpp"
#include "reader_probe.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

using namespace badgeuse;
using namespace badgeuse::drivers;
using namespace std::chrono_literals;
using badgeuse::testing::card;
using badgeuse::testing::ReaderProbe;

namespace {

// An emulated PN532, the options of a reader on it, that reader and a probe on its callbacks.
class NfcRig {
public:
    enum class Await { Connected, Nothing };

    NfcRig()
        : emulator(badgeuse::testing::start_emulator(dir)) {
        options.id = "entrance";
        options.connstring = emulator->connstring();
    }

    void start(Await await = Await::Connected) {
        reader = std::make_unique<NfcReader>(options);
        REQUIRE(reader->start(probe.callbacks()).ok());
        if (await == Await::Connected)
            REQUIRE(probe.wait_for_state(ReaderState::Connected, 3s));
    }

    badgeuse::testing::TempDir dir;
    std::unique_ptr<Pn532Emulator> emulator;
    NfcReaderOptions options;
    ReaderProbe probe;
    std::unique_ptr<NfcReader> reader;
};

// For tests that run several readers in turn on the rig's emulator.
void start_connected(NfcReader& reader, ReaderProbe& probe) {
    REQUIRE(reader.start(probe.callbacks()).ok());
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 3s));
}

} // namespace

TEST_CASE_METHOD(
    NfcRig,
    "a card presented to the NFC reader taps once with its UID, the reader's id and a monotonic time") {
    start();
    CHECK(reader->status().text.find("ready") != std::string::npos);

    auto presented = emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
    auto taps = probe.taps();
    CHECK(taps[0].uid == "04A1B2C3");
    CHECK(taps[0].reader == "entrance");
    CHECK(taps[0].at >= presented);
    CHECK(taps[0].at <= std::chrono::steady_clock::now());
}

TEST_CASE_METHOD(NfcRig, "a card held on the NFC reader gives one tap") {
    start();

    emulator->present(card("04112233445566"));
    REQUIRE(probe.wait_for_taps(1, 2s));
    auto polls_at_tap = emulator->counters().auto_polls;
    std::this_thread::sleep_for(1500ms); // longer than the 1 s re-arm delay, card still held
    CHECK(probe.taps().size() == 1);
    // The card was seen again and again meanwhile: the single tap is the filter's doing.
    CHECK(emulator->counters().auto_polls >= polls_at_tap + 5);
}

TEST_CASE_METHOD(NfcRig, "a card taps again only once it has been away for the re-arm delay") {
    options.rearm = 600ms;
    start();

    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
    emulator->remove("04A1B2C3");
    std::this_thread::sleep_for(150ms); // a hand wobbling: away much less than the re-arm delay
    emulator->present(card("04A1B2C3"));
    std::this_thread::sleep_for(500ms);
    CHECK(probe.taps().size() == 1);

    emulator->remove("04A1B2C3");
    std::this_thread::sleep_for(900ms);
    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(2, 2s));
    CHECK(probe.tap_uids() == std::vector<std::string>{"04A1B2C3", "04A1B2C3"});
}

TEST_CASE_METHOD(NfcRig, "the NFC reader reads 4-, 7- and 10-byte UIDs whole") {
    start();

    std::vector<std::string> uids{"DEADBEEF", "04112233445566", "04112233445566778899"};
    for (std::size_t i = 0; i < uids.size(); ++i) {
        emulator->present(card(uids[i].c_str()));
        REQUIRE(probe.wait_for_taps(i + 1, 2s));
        emulator->remove_all();
    }
    CHECK(probe.tap_uids() == uids);
}

TEST_CASE_METHOD(NfcRig, "two cards on the NFC reader at once are ignored with a status text") {
    emulator->present(card("04A1B2C3"));
    emulator->present(card("04D1E2F3"));
    start(Await::Nothing);

    REQUIRE(probe.wait_for_text("two badges", 3s));
    CHECK(reader->status().state == ReaderState::Connected);
    std::this_thread::sleep_for(500ms);
    CHECK(probe.taps().empty());

    // One taken away: the one left is an ordinary presentation.
    emulator->remove("04D1E2F3");
    REQUIRE(probe.wait_for_taps(1, 2s));
    CHECK(probe.tap_uids() == std::vector<std::string>{"04A1B2C3"});
    CHECK(probe.wait_for_text("ready", 1s));
}

TEST_CASE_METHOD(NfcRig,
                 "a second card laid on a card already tapped makes neither tap, even when it leaves") {
    start();

    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
    emulator->present(card("04D1E2F3"));
    REQUIRE(probe.wait_for_text("two badges", 2s));
    std::this_thread::sleep_for(1200ms); // both held longer than the re-arm delay
    emulator->remove("04D1E2F3");
    REQUIRE(probe.wait_for_text("ready", 2s));
    std::this_thread::sleep_for(400ms);
    CHECK(probe.tap_uids() == std::vector<std::string>{"04A1B2C3"});
}

TEST_CASE_METHOD(NfcRig, "the NFC reader polls ISO 14443-A at 106 kbps with the configured period") {
    CHECK(NfcReader::period_units(150ms) == 1);
    CHECK(NfcReader::period_units(300ms) == 2);
    CHECK(NfcReader::period_units(2250ms) == 15);

    options.poll_period = 300ms;
    start();
    REQUIRE(probe.wait_until([&](const ReaderProbe&) { return emulator->counters().auto_polls > 0; }, 2s));
    // InAutoPoll, PollNr, Period (150 ms units), then the ISO 14443-4A and MIFARE (14443-A) types.
    CHECK(emulator->counters().last_auto_poll ==
          std::vector<std::uint8_t>{0x60, NfcReader::kPollCount, 0x02, 0x20, 0x10});
}

TEST_CASE_METHOD(NfcRig,
                 "the NFC reader's polling thread stops within 200 ms, aborting the poll in progress") {
    options.poll_period = 2250ms; // the chip would not answer on its own for 9 s
    options.rearm = 7000ms;
    for (int round = 0; round < 3; ++round) {
        ReaderProbe round_probe;
        NfcReader round_reader(options);
        start_connected(round_reader, round_probe);
        std::this_thread::sleep_for(250ms); // well inside an InAutoPoll
        auto before = emulator->counters();
        auto begin = std::chrono::steady_clock::now();
        round_reader.stop();
        auto took = std::chrono::steady_clock::now() - begin;
        CHECK(took < 200ms);
        CHECK(round_reader.status().state == ReaderState::Stopped);
        auto after = emulator->counters();
        CHECK(after.aborts == before.aborts + 1);           // nfc_abort_command reached the chip
        CHECK(after.power_downs == before.power_downs + 1); // and nfc_close closed it properly
    }
}

TEST_CASE_METHOD(
    NfcRig,
    "an unplugged NFC reader shows searching, is reopened every 2 s and taps again once plugged back") {
    start(); // the default reopen delay: 2 s

    emulator->unplug();
    REQUIRE(probe.wait_for_state(ReaderState::Searching, 1s));
    auto lost = std::chrono::steady_clock::now();
    CHECK(reader->status().text.find("looking again every 2 s") != std::string::npos);
    std::this_thread::sleep_for(300ms);
    REQUIRE(emulator->plug().ok());
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 3s));
    auto found = std::chrono::steady_clock::now() - lost;
    CHECK(found >= 1800ms); // not looked for in a tight loop
    CHECK(found <= 2700ms); // but again after 2 s

    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
}

TEST_CASE_METHOD(NfcRig, "unplugging and plugging back the NFC reader leaks no file descriptor") {
    options.reopen_every = 100ms;
    int before = badgeuse::testing::open_fd_count();
    {
        start();
        int connected = badgeuse::testing::open_fd_count();
        for (int round = 0; round < 5; ++round) {
            emulator->unplug();
            REQUIRE(probe.wait_for_state(ReaderState::Searching, 1s));
            std::this_thread::sleep_for(250ms); // a few failed reopenings too
            REQUIRE(emulator->plug().ok());
            REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
        }
        CHECK(badgeuse::testing::open_fd_count() == connected);
        reader.reset();
    }
    CHECK(badgeuse::testing::open_fd_count() == before);
}

TEST_CASE_METHOD(
    NfcRig, "an NFC reader absent at start shows searching, says where it looks, and is found once plugged") {
    emulator->unplug();
    options.reopen_every = 200ms;
    start(Await::Nothing);
    REQUIRE(probe.wait_for_text("no NFC reader answers at " + emulator->connstring(), 2s));
    CHECK(reader->status().state == ReaderState::Searching);
    REQUIRE(emulator->plug().ok());
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
}

TEST_CASE_METHOD(NfcRig,
                 "malformed replies from the NFC reader neither crash nor stop it: the card still taps") {
    const std::vector<std::pair<Pn532Fault, const char*>> faults{{Pn532Fault::BadDataChecksum, "0A000001"},
                                                                 {Pn532Fault::BadLengthChecksum, "0A000002"},
                                                                 {Pn532Fault::WrongCommandCode, "0A000003"},
                                                                 {Pn532Fault::Garbage, "0A000004"},
                                                                 {Pn532Fault::ErrorFrame, "0A000005"}};
    start();
    std::size_t taps = 0;
    for (const auto& [fault, uid] : faults) {
        INFO("card " << uid);
        auto sent = emulator->counters().faults_sent;
        emulator->inject(fault, 2); // the reply announcing the card, and the one after
        emulator->present(card(uid));
        REQUIRE(probe.wait_for_taps(++taps, 3s));
        CHECK(probe.tap_uids().back() == uid);
        CHECK(emulator->counters().faults_sent == sent + 2);
        emulator->remove_all();
    }
    CHECK(probe.wait_for_log("polling failed", 1s));
    CHECK(reader->status().state == ReaderState::Connected);
}

TEST_CASE_METHOD(NfcRig,
                 "an NFC reader garbling its replies while it is opened is opened again until it answers") {
    emulator->inject(Pn532Fault::Garbage, 1, kAnyPn532Command); // the first reply of nfc_open
    options.reopen_every = 200ms;
    start(Await::Nothing);
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 3s));
    CHECK(emulator->counters().faults_sent == 1);
    auto statuses = probe.statuses();
    CHECK(std::any_of(statuses.begin(), statuses.end(), [](const ReaderStatus& s) {
        return s.text.find("no NFC reader answers") != std::string::npos;
    }));
}

TEST_CASE_METHOD(NfcRig, "an NFC reader that goes silent is aborted by the watchdog and reopened") {
    options.reopen_every = 200ms;
    start();

    auto before = emulator->counters();
    emulator->inject(Pn532Fault::Silence);
    // libnfc waits for InAutoPoll's reply with no timeout; only the watchdog's abort gets it out.
    REQUIRE(probe.wait_for_text("stopped answering; reopening", 3s));
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
    auto after = emulator->counters();
    CHECK(after.aborts == before.aborts + 1);
    CHECK(after.opens == before.opens + 1);
    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
}

TEST_CASE_METHOD(
    NfcRig,
    "an NFC reader cut off in the middle of a reply asks staff to replug it, and works once they have") {
    options.reopen_every = 200ms;
    start();

    emulator->inject(Pn532Fault::Truncated);
    // libnfc reads the rest of a started reply with no timeout and no abort: the reader can only say so.
    REQUIRE(probe.wait_for_state(ReaderState::Error, 3s));
    CHECK(reader->status().text.find("unplug it and plug it back in") != std::string::npos);
    auto aborts = emulator->counters().aborts;
    std::this_thread::sleep_for(300ms);
    CHECK(emulator->counters().aborts == aborts); // it stopped aborting in vain

    emulator->unplug();
    REQUIRE(probe.wait_for_state(ReaderState::Searching, 1s));
    REQUIRE(emulator->plug().ok());
    REQUIRE(probe.wait_for_state(ReaderState::Connected, 2s));
    emulator->present(card("04A1B2C3"));
    REQUIRE(probe.wait_for_taps(1, 2s));
}

TEST_CASE_METHOD(
    NfcRig,
    "stopping an NFC reader stuck in a read libnfc cannot abort returns, and no callback runs after") {
    start();
    emulator->inject(Pn532Fault::Truncated);
    REQUIRE(probe.wait_for_state(ReaderState::Error, 3s));

    auto begin = std::chrono::steady_clock::now();
    reader->stop();
    CHECK(std::chrono::steady_clock::now() - begin < 1500ms);
    CHECK(reader->status().state == ReaderState::Stopped);
    auto statuses = probe.statuses().size();
    emulator->unplug(); // the thread left behind now gets EIO and ends
    std::this_thread::sleep_for(300ms);
    CHECK(probe.statuses().size() == statuses);
    CHECK(probe.taps().empty());
}

TEST_CASE("NFC reader options that cannot work are refused naming the key and what is expected") {
    NfcReaderOptions options;
    CHECK(validate(options).ok());
    options.poll_period = 100ms;
    REQUIRE_FALSE(validate(options).ok());
    CHECK(validate(options).error().message.find("reader.poll_ms: expected 150 to 2250") !=
          std::string::npos);
    options.poll_period = 600ms;
    options.rearm = 1000ms;
    REQUIRE_FALSE(validate(options).ok());
    CHECK(validate(options).error().message.find("reader.rearm_ms") != std::string::npos);
    ReaderProbe probe;
    NfcReader reader(options);
    CHECK_FALSE(reader.start(probe.callbacks()).ok());
}
