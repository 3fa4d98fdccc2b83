// KioskRuntime: the kiosk's object graph (store, services, sessions, the app and its tap queue) built in
// one place, for the executable, the UI tests and the benchmarks alike.
#pragma once

#include "badgeuse/app/absence_service.hpp"
#include "badgeuse/app/badge_assignment_service.hpp"
#include "badgeuse/app/booking_service.hpp"
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/pin_reset_service.hpp"
#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/store_pin_vault.hpp"
#include "badgeuse/app/sync_connection.hpp"
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
    // kiosk.toml's [sync]: when set, "Synchroniser maintenant" reaches KioskRuntime::sync once
    // start_sync (sync_wiring.hpp) has started it.
    std::optional<SyncConfig> sync;
};

struct KioskRuntime {
    std::optional<store::Store> store;
    std::optional<demo::DemoSchool> school; // --demo only
    std::optional<CheckInService> check_in;
    std::unique_ptr<StorePinVault> vault;
    std::unique_ptr<Sessions> sessions;
    std::unique_ptr<BookingService> booking;
    std::unique_ptr<AbsenceService> absences;
    std::unique_ptr<BadgeAssignmentService> badges;
    std::unique_ptr<PinResetService> pin_resets;
    std::unique_ptr<KioskApp> app;
    TapQueue taps;
    // Last, so that it stops (and posts no more health) before the app it posts to is destroyed.
    std::unique_ptr<SyncConnection> sync;
};

// `clock` and `uuids` must outlive the runtime.
Result<std::unique_ptr<KioskRuntime>> make_runtime(const RuntimeOptions& options, const Clock& clock,
                                                   UuidSource& uuids);

} // namespace badgeuse::app
