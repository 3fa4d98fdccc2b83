// KioskApp: the state machine of the kiosk's screens. It takes taps and intents, calls the services
// (check-in, sessions, booking, roster) and builds the view-model of the screen on show. No SDL here:
// every screen's logic is tested without a window, and the UI only draws what this returns.
#pragma once

#include "badgeuse/app/absence_service.hpp"
#include "badgeuse/app/badge_assignment_service.hpp"
#include "badgeuse/app/booking_service.hpp"
#include "badgeuse/app/catalog.hpp"
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/health.hpp"
#include "badgeuse/app/pin_reset_service.hpp"
#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/tap_queue.hpp"
#include "badgeuse/app/ui_mailbox.hpp"
#include "badgeuse/app/views.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse::app {

// The family's subscriber codes all start with the town's prefix; parents type only the digits after it.
inline constexpr std::string_view kSubscriberPrefix = "BLENFANCE-12087-";

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
    // Free bytes on the disk holding the database's folder, for the kiosk-state panel; nullopt when it
    // cannot be read. Injected so that tests choose it; the default asks std::filesystem::space.
    std::function<std::optional<std::uintmax_t>(const std::filesystem::path&)> free_disk_space;
};

// The free space below which the kiosk-state panel warns staff (the store needs room to write events).
inline constexpr std::uintmax_t kLowDiskSpace = 200ULL * 1024 * 1024;

class KioskApp {
public:
    KioskApp(store::Store& store, const Clock& clock, CheckInService& check_in, Sessions& sessions,
             BookingService& booking, AbsenceService& absences, BadgeAssignmentService& badges,
             PinResetService& pin_resets, KioskSettings settings);

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
    SignInView pin_reset_view() const;
    WeekView week_view() const;
    LongPeriodView long_period_view() const;
    RosterView roster_view() const;
    AbsenceView absence_view() const;
    ChildSearchView child_search_view() const;
    ChildCardView child_card_view() const;
    PickUpView pick_up_view() const;
    UnheldBadgesView unheld_badges_view() const;
    KioskStateView kiosk_state_view() const;

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
    // The wiring's "Synchroniser maintenant", once the sync client exists (after the app is built).
    void set_sync_now(std::function<void()> sync_now) { m_settings.sync_now = std::move(sync_now); }
    void set_free_disk_space(decltype(KioskSettings::free_disk_space) probe) {
        m_settings.free_disk_space = std::move(probe);
    }
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
    // The family a subscriber code's digits name, if any.
    std::optional<Family> family_by_digits(const std::string& digits) const;
    void open_pin_reset();
    void submit_pin_reset();
    void refresh_counts();
    void changed() { ++m_generation; }
    std::chrono::milliseconds verdict_duration() const;
    void back();
    // Parents' absence form (kiosk_app_absence.cpp).
    void open_absence();
    void apply_absence(const Intents& intents, Screen drawn);
    // Staff's search, card, pick-up, badges and kiosk state (kiosk_app_staff.cpp).
    enum class SearchPurpose { OpenCard, GiveBadge };
    void open_search(SearchPurpose purpose);
    void apply_staff(const Intents& intents, Screen drawn);
    void on_letter(char letter, std::string& text);
    void refresh_search();
    void record_manual(ManualAction action, std::string picked_up_by = {});
    std::optional<StaffId> signed_in_staff() const;
    const Activity* staff_activity() const;
    std::optional<Child> card_child() const;

    store::Store* m_store;
    const Clock* m_clock;
    CheckInService* m_check_in;
    Sessions* m_sessions;
    BookingService* m_booking;
    AbsenceService* m_absences;
    BadgeAssignmentService* m_badges;
    PinResetService* m_pin_resets;
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

    // PIN reset: the family, then the code, then the new PIN twice.
    enum class ResetStep { Subscriber, Code, NewPin, ConfirmPin };
    ResetStep m_reset_step = ResetStep::Subscriber;
    std::optional<Subject> m_reset_subject;
    std::string m_reset_name;
    std::string m_new_pin; // held only between the two entries
    std::string m_reset_message;
    bool m_reset_locked = false;

    // Parents.
    std::optional<FamilyId> m_family;
    int m_child_tab = 0;
    int m_week_offset = 0; // weeks after the current one
    std::string m_week_message;
    LongPeriodForm m_long_period;

    // Absence form.
    Date m_absence_from{};
    Date m_absence_to{};
    int m_absence_reason = -1;

    // Staff.
    int m_activity_tab = 0;
    bool m_roll_call = false;
    SearchPurpose m_search_purpose = SearchPurpose::OpenCard;
    std::string m_query;
    std::vector<Child> m_search_results; // every match, by name
    std::optional<ChildId> m_card;
    std::string m_card_message;
    bool m_card_refusal = false;
    bool m_pick_up_typing = false;
    std::string m_pick_up_typed;
    std::string m_pick_up_message;
    std::string m_badge_to_give;
    std::string m_badges_message;
    std::string m_state_message;

    // The badge screen's counts, refreshed after taps and each minute.
    std::string m_counts;
    std::int64_t m_counts_minute = -1;
};

} // namespace badgeuse::app
