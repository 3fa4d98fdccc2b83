// kiosk.toml's [reader] runs the reader it names: taps reach the app's queue through the rate limit, the
// reader's state and the dropped count reach the app (and so the screens) through the mailbox.
#include "app_fixture.hpp"
#include "badgeuse/drivers/sim/sim_reader.hpp"
#include "configured_reader.hpp"
#include "kiosk_config.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;

namespace {

std::string refusal(const std::string& text) {
    TempDir dir;
    auto path = dir / "kiosk.toml";
    std::ofstream(path) << text;
    try {
        (void)kiosk::read_kiosk_config(path, {});
    } catch (const kiosk::ConfigError& e) {
        return e.what();
    }
    return "accepted";
}

template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 5000ms) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (condition())
            return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

drivers::ReaderConfig sim_config(const std::filesystem::path& socket) {
    drivers::ReaderConfig config;
    config.kind = drivers::ReaderKind::Sim;
    config.id = "entrance";
    config.socket = socket;
    return config;
}

} // namespace

TEST_CASE("kiosk.toml's [reader] is read with paths relative to the file") {
    TempDir dir;
    auto path = dir / "kiosk.toml";
    std::ofstream(path) << "[reader]\nkind = \"hid\"\nid = \"porte\"\ndevice = \"input/event-kbd\"\n"
                           "format = \"hex\"\ntaps_per_second = 2.5\ntap_burst = 4\n";
    auto config = kiosk::read_kiosk_config(path, {});
    REQUIRE(config.reader.has_value());
    CHECK(config.reader->kind == drivers::ReaderKind::Hid);
    CHECK(config.reader->id == "porte");
    CHECK(config.reader->device == dir / "input/event-kbd");
    CHECK(config.reader->format == drivers::WedgeFormat::Hex);
    CHECK(config.reader->rate.per_second == 2.5);
    CHECK(config.reader->rate.burst == 4);

    std::ofstream(path, std::ios::trunc)
        << "[reader]\nkind = \"nfc\"\nconnstring = \"pn532_uart:/dev/ttyUSB0\"\n";
    auto nfc = kiosk::read_kiosk_config(path, {});
    REQUIRE(nfc.reader.has_value());
    CHECK(nfc.reader->connstring == "pn532_uart:/dev/ttyUSB0");
    CHECK(nfc.reader->id == "nfc");
    CHECK(nfc.reader->poll == 150ms);

    std::ofstream(path, std::ios::trunc) << "[kiosk]\nlanguage = \"fr\"\n";
    CHECK_FALSE(kiosk::read_kiosk_config(path, {}).reader.has_value());
}

TEST_CASE("a bad [reader] stops the kiosk with the key and what was expected") {
    CHECK_THAT(refusal("[reader]\nid = \"x\"\n"), Catch::Contains("reader.kind: missing"));
    CHECK_THAT(refusal("[reader]\nkind = \"rfid\"\n"),
               Catch::Contains("reader.kind: expected \"nfc\", \"hid\" or \"sim\", got \"rfid\""));
    CHECK_THAT(refusal("[reader]\nkind = \"hid\"\n"), Catch::Contains("reader.device: expected"));
    CHECK_THAT(refusal("[reader]\nkind = \"hid\"\ndevice = \"/dev/x\"\nformat = \"octal\"\n"),
               Catch::Contains("reader.format: expected \"decimal\" or \"hex\", got \"octal\""));
    CHECK_THAT(refusal("[reader]\nkind = \"nfc\"\npoll_ms = 5\n"),
               Catch::Contains("reader.poll_ms: expected"));
    CHECK_THAT(refusal("[reader]\nkind = \"nfc\"\ntaps_per_second = \"fast\"\n"),
               Catch::Contains("reader.taps_per_second: expected a number"));
    CHECK_THAT(refusal("[reader]\nkind = \"nfc\"\nbaud = 115200\n"),
               Catch::Contains("reader.baud: unknown key; expected one of kind, id"));
}

TEST_CASE("a tap on the configured reader reaches the app, and its state reaches the badge screen") {
    AppKiosk kiosk;
    auto socket = kiosk.dir / "reader.sock";
    kiosk::ConfiguredReader reader(sim_config(socket), kiosk.runtime->taps, kiosk.app().mailbox());
    REQUIRE(reader.start().ok());

    // The reader's state is only a letter in the mailbox until the UI thread runs update().
    kiosk.app().update();
    CHECK(kiosk.app().reader_health().link == app::ReaderLink::Connected);
    CHECK(kiosk.app().reader_health().reader_id == "entrance");
    CHECK(kiosk.app().badge_view().reader == "Lecteur connecté");
    CHECK(kiosk.app().badge_view().reader_ok);

    auto client = drivers::SimClient::open(socket);
    REQUIRE(client.ok());
    auto uid = kiosk.booked_uid();
    REQUIRE(client->tap(uid).ok());
    REQUIRE(eventually([&] { return kiosk.runtime->taps.size() == 1; }));
    auto taps = kiosk.runtime->taps.drain();
    CHECK(taps.front().uid == uid);
    CHECK(taps.front().reader == "entrance");

    reader.stop();
    kiosk.app().update();
    CHECK(kiosk.app().reader_health().link == app::ReaderLink::None);
    CHECK_FALSE(kiosk.app().badge_view().reader_ok);
}

TEST_CASE("a flood of taps is cut by the rate limit, counted, and the count reaches the app") {
    AppKiosk kiosk;
    auto socket = kiosk.dir / "reader.sock";
    auto config = sim_config(socket);
    config.rate = {5.0, 10};
    kiosk::ConfiguredReader reader(config, kiosk.runtime->taps, kiosk.app().mailbox());
    REQUIRE(reader.start().ok());
    auto client = drivers::SimClient::open(socket);
    REQUIRE(client.ok());
    constexpr int kTaps = 1000;
    auto uid = kiosk.booked_uid();
    auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kTaps; ++i)
        REQUIRE(client->tap(uid).ok());
    // Every tap is either let through or counted as dropped: none vanishes.
    REQUIRE(eventually([&] { return kiosk.runtime->taps.size() + reader.dropped() == kTaps; }));
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    auto admitted = kiosk.runtime->taps.size();
    CHECK(admitted >= 10);
    CHECK(admitted <= static_cast<std::size_t>(10 + 5.0 * seconds + 1));

    kiosk.app().update();
    CHECK(kiosk.app().reader_health().dropped_taps == reader.dropped());
    CHECK(kiosk.app().reader_health().dropped_taps == kTaps - admitted);
}

TEST_CASE("a reader that can never start is a clear error") {
    AppKiosk kiosk;
    auto config = sim_config(kiosk.dir / std::string(200, 's') / "reader.sock");
    kiosk::ConfiguredReader reader(config, kiosk.runtime->taps, kiosk.app().mailbox());
    auto started = reader.start();
    REQUIRE_FALSE(started.ok());
    CHECK_THAT(started.error().message, Catch::Contains("socket"));
}
