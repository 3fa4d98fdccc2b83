// The app tests' kiosk without a window: the demo school in a temporary store, a manual clock on a
// canteen Monday (7 December 2026, 11:45 in Paris), repeatable UUIDs.
#pragma once

#include "badgeuse/app/kiosk_demo.hpp"
#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

namespace badgeuse::testing {

inline Instant monday_at(int hour, int minute = 0) {
    return paris::to_instant(Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}},
                             TimeOfDay::at(hour, minute));
}

struct AppKiosk {
    TempDir dir;
    ManualClock clock{monday_at(11, 45)};
    app::SequenceUuidSource uuids;
    std::unique_ptr<app::KioskRuntime> runtime;

    explicit AppKiosk(app::Language language = app::Language::French) {
        app::RuntimeOptions options;
        options.database = dir / "kiosk.sqlite";
        options.demo = app::DemoData::Rebuild;
        options.assets = BADGEUSE_SOURCE_DIR "/assets";
        options.language = language;
        auto built = app::make_runtime(options, clock, uuids);
        INFO((built ? std::string("ok") : built.error().message));
        REQUIRE(built.ok());
        runtime = std::move(*built);
    }

    app::KioskApp& app() { return *runtime->app; }
    store::Store& store() { return *runtime->store; }
    const demo::DemoSchool& school() { return *runtime->school; }

    std::string demo_uid(std::string_view suffix) {
        for (const auto& badge : app().badge_view().demo_badges)
            if (badge.label.ends_with(suffix))
                return badge.uid;
        FAIL("no demo badge " << std::string(suffix));
        return {};
    }
    std::string booked_uid() { return app().badge_view().demo_badges.front().uid; }

    void tap(const std::string& uid) { app().handle_tap({uid, "test", std::chrono::steady_clock::now()}); }
    void command(app::Command c) {
        app::Intents intents;
        intents.commands.push_back(c);
        app().apply(intents);
    }
    void keys(std::string_view typed) {
        for (char c : typed) {
            app::Intents intents;
            intents.key = c;
            app().apply(intents);
        }
    }
    void letters(std::string_view typed) {
        for (char c : typed) {
            app::Intents intents;
            intents.letter = c;
            app().apply(intents);
        }
    }
    void pick(int index) {
        app::Intents intents;
        intents.pick = index;
        app().apply(intents);
    }
    // The demo's staff member signs in with badge and PIN; the roster opens on the activity open now.
    void sign_in_staff() {
        tap(demo_uid("Personnel"));
        keys(std::string(app::kDemoPin) + "\n");
        REQUIRE(app().screen() == app::Screen::StaffRoster);
    }
    void wait(std::chrono::milliseconds d) {
        clock.advance(d);
        app().update();
    }
};

} // namespace badgeuse::testing
