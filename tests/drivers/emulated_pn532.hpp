// Helpers for tests that drive the PN532 emulator: start one in a test's folder, make a card from its UID.
#pragma once

#include "badgeuse/drivers/sim/pn532_emulator.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <memory>

namespace badgeuse::testing {

inline std::unique_ptr<drivers::Pn532Emulator> start_emulator(const TempDir& dir) {
    auto emulator = drivers::Pn532Emulator::start(dir / "pn532");
    REQUIRE(emulator.ok());
    return std::move(emulator).value();
}

inline drivers::EmulatedCard card(const char* uid) {
    auto made = drivers::EmulatedCard::from_uid(uid);
    REQUIRE(made.ok());
    return made.value();
}

} // namespace badgeuse::testing
