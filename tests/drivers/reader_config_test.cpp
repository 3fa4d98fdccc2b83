// The [reader] configuration: kinds, checks with the key and what is expected, the factory.
#include "badgeuse/drivers/hid/hid_reader.hpp"
#include "badgeuse/drivers/nfc/nfc_reader.hpp"
#include "badgeuse/drivers/reader_config.hpp"
#include "badgeuse/drivers/sim/sim_reader.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::drivers;
using namespace std::chrono_literals;

TEST_CASE("the reader kind is read from its configuration key") {
    CHECK(parse_reader_kind("nfc").value() == ReaderKind::Nfc);
    CHECK(parse_reader_kind("hid").value() == ReaderKind::Hid);
    CHECK(parse_reader_kind("sim").value() == ReaderKind::Sim);
    auto bad = parse_reader_kind("usb");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "reader.kind: expected \"nfc\", \"hid\" or \"sim\", got \"usb\"");
}

TEST_CASE("make_reader builds the reader the configuration names, with its id") {
    ReaderConfig nfc;
    nfc.connstring = "pn532_uart:/dev/ttyUSB0:115200";
    auto made = make_reader(nfc);
    REQUIRE(made.ok());
    CHECK(dynamic_cast<NfcReader*>(made->get()) != nullptr);
    CHECK((*made)->id() == "nfc");

    ReaderConfig hid;
    hid.kind = ReaderKind::Hid;
    hid.id = "gate";
    hid.device = "/dev/input/by-id/usb-reader-event-kbd";
    made = make_reader(hid);
    REQUIRE(made.ok());
    CHECK(dynamic_cast<HidReader*>(made->get()) != nullptr);
    CHECK((*made)->id() == "gate");

    ReaderConfig sim;
    sim.kind = ReaderKind::Sim;
    made = make_reader(sim);
    REQUIRE(made.ok());
    CHECK(dynamic_cast<SimReader*>(made->get()) != nullptr);
    CHECK((*made)->status().state == ReaderState::Stopped);
}

TEST_CASE("a reader configuration that cannot work is refused with the key and what is expected") {
    ReaderConfig hid;
    hid.kind = ReaderKind::Hid;
    auto made = make_reader(hid);
    REQUIRE_FALSE(made.ok());
    CHECK(made.error().message.find("reader.device: expected") == 0);

    ReaderConfig nfc;
    nfc.poll = 5000ms;
    made = make_reader(nfc);
    REQUIRE_FALSE(made.ok());
    CHECK(made.error().message.find("reader.poll_ms: expected 150 to 2250") == 0);

    ReaderConfig limited;
    limited.rate.per_second = 0;
    CHECK(validate(limited).error().message.find("reader.taps_per_second") == 0);
}
