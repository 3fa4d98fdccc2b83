// Building the kiosk: open (or, for the demo, rebuild) the store, then the services on top of it.
#include "badgeuse/app/kiosk_runtime.hpp"

#include "badgeuse/app/demo_seed.hpp"
#include "badgeuse/app/kiosk_demo.hpp"
#include "badgeuse/core/paris_time.hpp"

namespace badgeuse::app {

Result<std::unique_ptr<KioskRuntime>> make_runtime(const RuntimeOptions& options, const Clock& clock,
                                                   UuidSource& uuids) {
    auto runtime = std::make_unique<KioskRuntime>();
    if (options.demo == DemoData::Rebuild) {
        // The demo's file is the demo's, never a real kiosk's: it is rebuilt each time.
        std::error_code ignored;
        if (options.database.has_parent_path())
            std::filesystem::create_directories(options.database.parent_path(), ignored);
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(options.database.string() + suffix, ignored);
    }
    runtime->store.emplace(BADGEUSE_TRY(store::Store::open(options.database)));
    KioskSettings settings;
    settings.language = options.language;
    settings.dim_after = options.dim_after;
    if (options.demo == DemoData::Rebuild) {
        runtime->school.emplace(demo::generate_demo_school(options.demo_options));
        BADGEUSE_CHECK(load_demo_school(*runtime->store, *runtime->school));
        BADGEUSE_CHECK(set_demo_pins(*runtime->store, *runtime->school, options.demo_pin_cost));
        settings.demo_badges = demo_badges(*runtime->school, paris::local_date(clock.now()));
    }
    auto english = Catalog::load(options.assets, Language::English);
    if (!english && options.language == Language::English)
        return english.error();
    if (english)
        settings.english = std::move(*english);
    runtime->check_in.emplace(BADGEUSE_TRY(CheckInService::create(*runtime->store, clock, uuids)));
    runtime->vault = std::make_unique<StorePinVault>(*runtime->store);
    runtime->sessions = std::make_unique<Sessions>(*runtime->vault, clock, options.sessions);
    runtime->booking = std::make_unique<BookingService>(*runtime->store, clock, uuids, *runtime->check_in);
    runtime->absences = std::make_unique<AbsenceService>(*runtime->store, clock, uuids);
    runtime->badges = std::make_unique<BadgeAssignmentService>(*runtime->store, clock, uuids);
    // New PINs cost what the demo's do in the demo (tests hash hundreds), a real kiosk's otherwise.
    runtime->pin_resets = std::make_unique<PinResetService>(
        *runtime->store, clock, uuids,
        options.demo == DemoData::Rebuild ? options.demo_pin_cost : PinCost::Interactive, options.sessions);
    settings.free_disk_space = [](const std::filesystem::path& folder) -> std::optional<std::uintmax_t> {
        std::error_code error;
        auto space = std::filesystem::space(folder, error);
        if (error)
            return std::nullopt;
        return space.available;
    };
    if (options.sync) {
        KioskRuntime* live = runtime.get();
        settings.sync_now = [live] {
            if (live->sync)
                live->sync->sync_now();
        };
    }
    runtime->app = std::make_unique<KioskApp>(*runtime->store, clock, *runtime->check_in, *runtime->sessions,
                                              *runtime->booking, *runtime->absences, *runtime->badges,
                                              *runtime->pin_resets, std::move(settings));
    return runtime;
}

} // namespace badgeuse::app
