// KioskApp: the state machine of the kiosk's screens. It takes taps and intents, calls the services
// (check-in, sessions, booking, roster) and builds the view-model of the screen on show. No SDL here:
// every screen's logic is tested without a window, and the UI only draws what this returns.
#pragma once

#include "badgeuse/app/booking_service.hpp"
#include "badgeuse/app/catalog.hpp"
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/health.hpp"
#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/tap_queue.hpp"
#include "badgeuse/app/ui_mailbox.hpp"
#include "badgeuse/app/views.hpp"

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse::app {

struct KioskSettings {
    std::string version = "0.1.0";
    std::chrono::milliseconds verdict_time{2000};
    // When more verdicts wait, each shows for less time so that a queue of ten clears in seconds.
    std::chrono::milliseconds verdict_time_busy{800};
    std::chrono::minutes dim_after{5};
    Catalog french;
    Catalog english;
    Language language = Language::French;
    std::vector<DemoBadge> demo_badges; // filled by --demo: the on-screen panel
    // "Synchroniser maintenant" on the staff screen: asks the sync client for a pull and push now.
    // Runs on the UI thread and must not block (the client posts the work to its own thread).
    std::function<void()> sync_now;
};

class KioskApp {
public:
    KioskApp(store::Store& store, const Clock& clock, CheckInService& check_in, Sessions& sessions,
             BookingService& booking, KioskSettings settings);

    // A tap from the queue: a child's badge is checked in (durably) and its verdict queued; a parent's
    // badge opens the family's planning; a staff badge asks for the PIN.
    void handle_tap(const BadgeTap& tap);
    // Any touch or click: keeps a session alive and wakes a dimmed screen.
    void handle_touch();
    void apply(const Intents& intents);
    // Time-driven changes: the verdict queue, the idle sign-out, dimming, the minute on the clock.
    void update();

    Screen screen() const { return m_screen; }
    Brightness brightness() const;
    BadgeView badge_view() const;
    VerdictView verdict_view() const;
    SignInView sign_in_view() const;
    WeekView week_view() const;
    LongPeriodView long_period_view() const;
    RosterView roster_view() const;

    // How long the UI may sleep before something on screen changes by itself.
    std::chrono::milliseconds time_to_next_change() const;
    // The tone to play for the verdict that just came on screen, once.
    std::optional<Tone> take_sound();
    // Bumped whenever a view may have changed (for tests and the loop's redraw decision).
    std::uint64_t generation() const { return m_generation; }
    std::size_t verdicts_waiting() const { return m_verdicts.empty() ? 0 : m_verdicts.size() - 1; }

    // The reader's and the portal link's state, posted by their threads through mailbox().
    // ReaderHealth::text is a msgid of the catalogs (French): it is translated when shown.
    void set_reader_health(ReaderHealth health);
    void set_sync_health(SyncHealth health);
    const ReaderHealth& reader_health() const { return m_reader; }
    const SyncHealth& sync_health() const { return m_sync; }
    // Worker threads post here; update() runs what was posted, on the UI thread.
    UiMailbox& mailbox() { return m_mailbox; }
    const Catalog& catalog() const;

private:
    struct ShownVerdict {
        VerdictView view;
        Instant since{}; // when it came on screen (set when it reaches the front)
    };

    void push_verdict(VerdictView view);
    void go_to(Screen screen);
    void sign_out(SignOutReason reason);
    void open_family(FamilyId family);
    void on_key(char key);
    void submit_sign_in();
    void refresh_counts();
    void changed() { ++m_generation; }
    std::chrono::milliseconds verdict_duration() const;

    store::Store* m_store;
    const Clock* m_clock;
    CheckInService* m_check_in;
    Sessions* m_sessions;
    BookingService* m_booking;
    KioskSettings m_settings;

    Screen m_screen = Screen::Badge;
    Screen m_before_verdict = Screen::Badge;
    std::deque<ShownVerdict> m_verdicts;
    std::optional<Tone> m_sound;
    Instant m_last_activity;
    std::uint64_t m_generation = 0;
    Brightness m_drawn_brightness = Brightness::Normal;
    ReaderHealth m_reader;
    SyncHealth m_sync;
    UiMailbox m_mailbox;

    // Sign-in: which subject, and what was typed.
    enum class SignInStep { Code, Pin };
    SubjectKind m_sign_in_kind = SubjectKind::Family;
    SignInStep m_sign_in_step = SignInStep::Code;
    std::optional<Subject> m_sign_in_subject;
    std::string m_sign_in_name;
    std::string m_typed;
    std::string m_sign_in_message;
    bool m_sign_in_locked = false;

    // Parents.
    std::optional<FamilyId> m_family;
    int m_child_tab = 0;
    int m_week_offset = 0; // weeks after the current one
    std::string m_week_message;
    LongPeriodForm m_long_period;

    // Staff.
    int m_activity_tab = 0;
    bool m_roll_call = false;

    // The badge screen's counts, refreshed after taps and each minute.
    std::string m_counts;
    std::int64_t m_counts_minute = -1;
};

} // namespace badgeuse::app
