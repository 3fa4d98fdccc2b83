// KioskRuntime: the kiosk's object graph (store, services, sessions, the app and its tap queue) built in
// one place, for the executable, the UI tests and the benchmarks alike.
#pragma once

#include "badgeuse/app/booking_service.hpp"
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/store_pin_vault.hpp"
#include "badgeuse/app/tap_queue.hpp"
#include "badgeuse/demo/demo_school.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace badgeuse::app {

// Whether the database is the demo's: rebuilt from the generated school at each start.
enum class DemoData { None, Rebuild };

struct RuntimeOptions {
    std::filesystem::path database;
    DemoData demo = DemoData::None;
    demo::DemoOptions demo_options;
    PinCost demo_pin_cost = PinCost::Minimal;
    std::filesystem::path assets; // for the English catalog
    Language language = Language::French;
    SessionSettings sessions;
    std::chrono::minutes dim_after{5};
};

struct KioskRuntime {
    std::optional<store::Store> store;
    std::optional<demo::DemoSchool> school; // --demo only
    std::optional<CheckInService> check_in;
    std::unique_ptr<StorePinVault> vault;
    std::unique_ptr<Sessions> sessions;
    std::unique_ptr<BookingService> booking;
    std::unique_ptr<KioskApp> app;
    TapQueue taps;
};

// `clock` and `uuids` must outlive the runtime.
Result<std::unique_ptr<KioskRuntime>> make_runtime(const RuntimeOptions& options, const Clock& clock,
                                                   UuidSource& uuids);

} // namespace badgeuse::app
