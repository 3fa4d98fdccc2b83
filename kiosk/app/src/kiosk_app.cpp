// KioskApp: screens, verdict queue, sign-in flow, and the view-models of each screen.
#include "badgeuse/app/kiosk_app.hpp"

#include "badgeuse/app/texts.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/core/roster.hpp"

#include <algorithm>

namespace badgeuse::app {

using namespace std::chrono_literals;

namespace {

constexpr std::size_t kMaxTyped = 6;

Date monday_of(Date day) {
    return add_days(day, -static_cast<int>(weekday_of(day).iso_encoding() - 1));
}

std::chrono::milliseconds until_next_minute(Instant now) {
    auto into = now.time_since_epoch() % std::chrono::minutes{1};
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::minutes{1} - into);
}

} // namespace

std::string_view screen_key(Screen screen) {
    switch (screen) {
    case Screen::Badge:
        return "badge";
    case Screen::Verdict:
        return "verdict";
    case Screen::ParentSignIn:
        return "parent_sign_in";
    case Screen::ParentWeek:
        return "parent_week";
    case Screen::LongPeriod:
        return "long_period";
    case Screen::StaffSignIn:
        return "staff_sign_in";
    case Screen::StaffRoster:
        return "staff_roster";
    case Screen::Absence:
        return "absence";
    case Screen::PinReset:
        return "pin_reset";
    case Screen::ChildSearch:
        return "child_search";
    case Screen::ChildCard:
        return "child_card";
    case Screen::PickUp:
        return "pick_up";
    case Screen::UnheldBadges:
        return "unheld_badges";
    case Screen::KioskState:
        return "kiosk_state";
    }
    return "badge";
}

KioskApp::KioskApp(store::Store& store, const Clock& clock, CheckInService& check_in, Sessions& sessions,
                   BookingService& booking, AbsenceService& absences, BadgeAssignmentService& badges,
                   PinResetService& pin_resets, KioskSettings settings)
    : m_store(&store)
    , m_clock(&clock)
    , m_check_in(&check_in)
    , m_sessions(&sessions)
    , m_booking(&booking)
    , m_absences(&absences)
    , m_badges(&badges)
    , m_pin_resets(&pin_resets)
    , m_settings(std::move(settings))
    , m_last_activity(clock.now()) {
    m_reader.link = ReaderLink::Connected;
    m_reader.text = "Lecteur connecté";
    refresh_counts();
}

const Catalog& KioskApp::catalog() const {
    return m_settings.language == Language::English ? m_settings.english : m_settings.french;
}

void KioskApp::set_reader_health(ReaderHealth health) {
    m_reader = std::move(health);
    changed();
}

void KioskApp::set_sync_health(SyncHealth health) {
    m_sync = std::move(health);
    changed();
}

Brightness KioskApp::brightness() const {
    if (m_screen == Screen::Badge && m_clock->now() - m_last_activity >= m_settings.dim_after)
        return Brightness::Dimmed;
    return Brightness::Normal;
}

void KioskApp::go_to(Screen screen) {
    m_screen = screen;
    changed();
}

void KioskApp::handle_touch() {
    m_last_activity = m_clock->now();
    m_sessions->touch();
    changed();
}

void KioskApp::handle_tap(const BadgeTap& tap) {
    m_last_activity = m_clock->now();
    auto outcome = m_check_in->tap(tap.uid);
    if (!outcome) {
        // Nothing durable backs a verdict: the child is sent to an adult rather than told "OK".
        VerdictView view;
        view.tone = Tone::Red;
        view.verdict = Verdict::UnknownBadge;
        view.headline = catalog().tr("Va voir un adulte");
        view.message = catalog().tr("Le pointage n'a pas pu être enregistré");
        view.detail = outcome.error().message;
        push_verdict(std::move(view));
        return;
    }
    const auto& d = outcome->decision;
    if (d.verdict == Verdict::NotAChildBadge) {
        if (d.holder_kind == HolderKind::Guardian) {
            auto guardian = m_store->guardians().get(GuardianId{d.holder_id});
            if (guardian && *guardian)
                open_family((*guardian)->family);
        } else if (d.holder_kind == HolderKind::Staff) {
            auto member = m_store->staff().get(StaffId{d.holder_id});
            m_sign_in_kind = SubjectKind::Staff;
            m_sign_in_step = SignInStep::Pin;
            m_sign_in_subject = Subject{SubjectKind::Staff, d.holder_id};
            m_sign_in_name = member && *member ? (*member)->first_name : std::string{};
            m_typed.clear();
            m_sign_in_message.clear();
            m_sign_in_locked = false;
            go_to(Screen::StaffSignIn);
        }
        return;
    }
    // A child's badge while a family is signed in: nothing of the family stays on screen. Staff stay
    // signed in (they watch the roster while children badge) and come back to it after the verdict.
    if (m_sessions->current() && m_sessions->current()->subject.kind == SubjectKind::Family)
        sign_out(SignOutReason::ChildBadge);
    if (m_screen == Screen::ParentSignIn || m_screen == Screen::StaffSignIn || m_screen == Screen::PinReset)
        go_to(Screen::Badge);

    VerdictView view;
    view.verdict = d.verdict;
    view.tone = tone_of(d.verdict);
    auto texts = verdict_texts(d, catalog());
    view.headline = std::move(texts.headline);
    view.message = std::move(texts.message);
    view.detail = std::move(texts.detail);
    view.health_marker = d.health_marker;
    if (d.health_marker)
        view.health_label = catalog().tr("PAI / allergie : voir la fiche");
    push_verdict(std::move(view));
    refresh_counts();
}

void KioskApp::push_verdict(VerdictView view) {
    if (m_verdicts.empty()) {
        // The screens of a session are come back to after the verdict; sign-in screens are not.
        if (m_screen != Screen::Verdict)
            m_before_verdict = m_screen == Screen::Badge || m_screen == Screen::ParentSignIn ||
                                       m_screen == Screen::StaffSignIn || m_screen == Screen::PinReset
                                   ? Screen::Badge
                                   : m_screen;
        m_sound = view.tone;
        m_verdicts.push_back({std::move(view), m_clock->now()});
    } else {
        m_verdicts.push_back({std::move(view), {}});
    }
    if (m_before_verdict != Screen::Badge && !m_sessions->current())
        m_before_verdict = Screen::Badge;
    go_to(Screen::Verdict);
}

std::chrono::milliseconds KioskApp::verdict_duration() const {
    return m_verdicts.size() > 1 ? m_settings.verdict_time_busy : m_settings.verdict_time;
}

std::optional<Tone> KioskApp::take_sound() {
    auto sound = m_sound;
    m_sound.reset();
    return sound;
}

void KioskApp::update() {
    for (auto& letter : m_mailbox.take())
        letter(*this);
    Instant now = m_clock->now();
    while (!m_verdicts.empty() && now - m_verdicts.front().since >= verdict_duration()) {
        Instant ended = m_verdicts.front().since + verdict_duration();
        m_verdicts.pop_front();
        if (!m_verdicts.empty()) {
            // The next one starts when the previous ended, not when we noticed: a late frame does not
            // stretch the queue.
            m_verdicts.front().since = std::max(ended, now - verdict_duration() / 2);
            m_sound = m_verdicts.front().view.tone;
        } else {
            go_to(m_sessions->current() ? m_before_verdict : Screen::Badge);
        }
        changed();
    }
    if (m_sessions->sign_out_if_idle()) {
        m_family.reset();
        m_roll_call = false;
        if (m_screen != Screen::Verdict)
            go_to(Screen::Badge);
        m_before_verdict = Screen::Badge;
    }
    // A sign-in screen left alone goes back to the badge screen too.
    if ((m_screen == Screen::ParentSignIn || m_screen == Screen::StaffSignIn ||
         m_screen == Screen::PinReset) &&
        now - m_last_activity >= m_sessions->settings().idle_sign_out) {
        m_new_pin.clear();
        go_to(Screen::Badge);
    }
    if (brightness() != m_drawn_brightness) {
        m_drawn_brightness = brightness();
        changed();
    }
    auto minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
    if (minute != m_counts_minute) { // the clock on screen and the counts move on
        refresh_counts();
        changed();
    }
}

std::chrono::milliseconds KioskApp::time_to_next_change() const {
    Instant now = m_clock->now();
    std::chrono::milliseconds wait = until_next_minute(now);
    if (!m_verdicts.empty()) {
        auto left = m_verdicts.front().since + verdict_duration() - now;
        wait = std::min(wait, std::max(0ms, std::chrono::duration_cast<std::chrono::milliseconds>(left)));
    }
    if (m_sessions->current())
        wait = std::min(wait, std::min(m_sessions->until_sign_out(), 1000ms)); // the countdown on screen
    if (m_screen == Screen::Badge && brightness() == Brightness::Normal) {
        auto to_dim = m_last_activity + m_settings.dim_after - now;
        wait = std::min(wait, std::max(0ms, std::chrono::duration_cast<std::chrono::milliseconds>(to_dim)));
    }
    return wait;
}

void KioskApp::sign_out(SignOutReason reason) {
    m_sessions->close(reason);
    m_family.reset();
    m_roll_call = false;
    m_typed.clear();
    m_week_message.clear();
    m_before_verdict = Screen::Badge;
    if (m_screen != Screen::Verdict)
        go_to(Screen::Badge);
}

void KioskApp::open_family(FamilyId family) {
    auto found = m_store->families().get(family);
    std::string name = found && *found ? (*found)->name : std::string{};
    m_sessions->open(Subject{SubjectKind::Family, family.value}, name);
    m_family = family;
    m_child_tab = 0;
    m_week_offset = 0;
    m_week_message.clear();
    m_typed.clear();
    go_to(Screen::ParentWeek);
}

void KioskApp::apply(const Intents& intents) {
    if (intents.empty())
        return;
    const Screen drawn = m_screen;
    handle_touch();
    if (intents.demo_tap)
        handle_tap(BadgeTap{*intents.demo_tap, "demo", std::chrono::steady_clock::now()});
    if (intents.key)
        on_key(*intents.key);
    if (intents.select_tab) {
        if (m_screen == Screen::ParentWeek || m_screen == Screen::LongPeriod)
            m_child_tab = *intents.select_tab;
        else if (m_screen == Screen::StaffRoster) {
            m_activity_tab = *intents.select_tab;
            m_roll_call = false;
        }
    }
    if (intents.toggle_cell && m_family && m_screen == Screen::ParentWeek) {
        auto children = m_store->children().for_family(*m_family);
        const auto& activities = m_booking->activities();
        if (children && m_child_tab < static_cast<int>(children->size()) && intents.toggle_cell->row >= 0 &&
            intents.toggle_cell->row < static_cast<int>(activities.size())) {
            const Child& child = (*children)[static_cast<std::size_t>(m_child_tab)];
            const Activity& activity = activities[static_cast<std::size_t>(intents.toggle_cell->row)];
            Date monday = add_days(monday_of(paris::local_date(m_clock->now())), 7 * m_week_offset);
            Date day = add_days(monday, intents.toggle_cell->day);
            auto outcome = m_booking->toggle(*m_family, child.id, activity.id, day);
            auto what = child.first_name + " · " + activity.name + " · " + short_day_text(day, catalog());
            if (!outcome)
                m_week_message = outcome.error().message;
            else if (*outcome == ToggleOutcome::Booked)
                m_week_message = fill(catalog().tr("Réservé : {what}"), {{"what", what}});
            else if (*outcome == ToggleOutcome::Cancelled)
                m_week_message = fill(catalog().tr("Annulé : {what}"), {{"what", what}});
            else if (*outcome == ToggleOutcome::TooLate)
                m_week_message = fill(catalog().tr("Délai dépassé : {what}"), {{"what", what}});
            else
                m_week_message = fill(catalog().tr("Pas d'activité ce jour-là : {what}"), {{"what", what}});
        }
    }
    if (intents.toggle_weekday && *intents.toggle_weekday >= 0 && *intents.toggle_weekday < 5) {
        auto day = std::chrono::weekday{static_cast<unsigned>(*intents.toggle_weekday + 1)};
        if (m_long_period.weekdays.contains(day))
            m_long_period.weekdays.remove(day);
        else
            m_long_period.weekdays.add(day);
    }
    if (intents.toggle_activity && *intents.toggle_activity >= 0 &&
        *intents.toggle_activity < static_cast<int>(m_long_period.activities.size())) {
        auto index = static_cast<std::size_t>(*intents.toggle_activity);
        m_long_period.activities[index] = !m_long_period.activities[index];
    }
    for (Command command : intents.commands) {
        switch (command) {
        case Command::OpenParents:
            m_sign_in_kind = SubjectKind::Family;
            m_sign_in_step = SignInStep::Code;
            m_sign_in_subject.reset();
            m_typed.clear();
            m_sign_in_message.clear();
            m_sign_in_locked = false;
            go_to(Screen::ParentSignIn);
            break;
        case Command::OpenStaff:
            m_sign_in_kind = SubjectKind::Staff;
            m_sign_in_step = SignInStep::Pin;
            m_sign_in_subject.reset();
            m_typed.clear();
            m_sign_in_locked = false;
            m_sign_in_message = catalog().tr("Passez votre badge personnel, puis tapez votre code PIN");
            go_to(Screen::StaffSignIn);
            break;
        case Command::Back:
            back();
            break;
        case Command::SignOut:
            sign_out(SignOutReason::Button);
            break;
        case Command::ToggleLanguage:
            m_settings.language =
                m_settings.language == Language::French ? Language::English : Language::French;
            refresh_counts();
            break;
        case Command::PreviousWeek:
            m_week_offset = std::max(0, m_week_offset - 1);
            break;
        case Command::NextWeek:
            m_week_offset = std::min(12, m_week_offset + 1);
            break;
        case Command::OpenLongPeriod:
            m_long_period = LongPeriodForm{};
            m_long_period.from =
                add_days(monday_of(paris::local_date(m_clock->now())), 7 * (m_week_offset + 1));
            m_long_period.activities.assign(m_booking->activities().size(), true);
            go_to(Screen::LongPeriod);
            break;
        case Command::LongPeriodShorter:
            m_long_period.weeks = std::max(1, m_long_period.weeks - 1);
            break;
        case Command::LongPeriodLonger:
            m_long_period.weeks = std::min(40, m_long_period.weeks + 1);
            break;
        case Command::LongPeriodBook:
            m_long_period.action = BookingAction::Book;
            break;
        case Command::LongPeriodCancel:
            m_long_period.action = BookingAction::Cancel;
            break;
        case Command::ConfirmLongPeriod:
            if (m_family) {
                auto children = m_store->children().for_family(*m_family);
                if (children && m_child_tab < static_cast<int>(children->size())) {
                    auto plan =
                        m_booking->plan((*children)[static_cast<std::size_t>(m_child_tab)].id, m_long_period);
                    auto applied = plan ? m_booking->apply(*m_family, *plan) : Result<int>(plan.error());
                    m_week_message = applied ? fill(catalog().tr("{count} changements enregistrés"),
                                                    {{"count", std::to_string(*applied)}})
                                             : applied.error().message;
                    go_to(Screen::ParentWeek);
                }
            }
            break;
        case Command::RollCall:
            m_roll_call = true;
            break;
        case Command::OpenAbsence:
            open_absence();
            break;
        case Command::OpenChildSearch:
            open_search(SearchPurpose::OpenCard);
            break;
        case Command::OpenUnheldBadges:
            m_badges_message.clear();
            go_to(Screen::UnheldBadges);
            break;
        case Command::OpenPinReset:
            open_pin_reset();
            break;
        case Command::OpenKioskState:
            m_state_message.clear();
            go_to(Screen::KioskState);
            break;
        default: // the absence form's and the staff screens' own, applied below
            break;
        }
    }
    // The screen the frame showed: a command above may have left it already.
    apply_absence(intents, drawn);
    apply_staff(intents, drawn);
    changed();
}

void KioskApp::back() {
    switch (m_screen) {
    case Screen::LongPeriod:
    case Screen::Absence:
        go_to(Screen::ParentWeek);
        return;
    case Screen::PinReset:
        m_new_pin.clear();
        go_to(Screen::ParentSignIn);
        return;
    case Screen::StaffRoster:
        if (m_roll_call)
            m_roll_call = false;
        return;
    case Screen::ChildSearch:
        go_to(m_search_purpose == SearchPurpose::GiveBadge ? Screen::UnheldBadges : Screen::StaffRoster);
        return;
    case Screen::ChildCard:
        go_to(Screen::ChildSearch);
        return;
    case Screen::PickUp:
        if (m_pick_up_typing)
            m_pick_up_typing = false;
        else
            go_to(Screen::ChildCard);
        return;
    case Screen::UnheldBadges:
    case Screen::KioskState:
        go_to(Screen::StaffRoster);
        return;
    default:
        if (!m_sessions->current())
            go_to(Screen::Badge);
        return;
    }
}

void KioskApp::on_key(char key) {
    if (m_screen != Screen::ParentSignIn && m_screen != Screen::StaffSignIn && m_screen != Screen::PinReset)
        return;
    bool reset_code = m_screen == Screen::PinReset && m_reset_step == ResetStep::Code;
    if (key >= '0' && key <= '9') {
        if (m_typed.size() < (reset_code ? kResetCodeDigits : kMaxTyped))
            m_typed += key;
    } else if (key == '<') {
        if (!m_typed.empty())
            m_typed.pop_back();
    } else if (key == 'C') {
        m_typed.clear();
    } else if (key == '\n') {
        if (m_screen == Screen::PinReset)
            submit_pin_reset();
        else
            submit_sign_in();
    }
}

void KioskApp::submit_sign_in() {
    if (m_sign_in_step == SignInStep::Code) {
        if (m_typed.empty())
            return;
        auto family = family_by_digits(m_typed);
        m_typed.clear();
        if (!family) {
            m_sign_in_message = catalog().tr("Code abonné inconnu");
            return;
        }
        m_sign_in_subject = Subject{SubjectKind::Family, family->id.value};
        m_sign_in_name = family->name;
        m_sign_in_step = SignInStep::Pin;
        m_sign_in_message.clear();
        return;
    }
    if (!m_sign_in_subject) {
        m_sign_in_message = catalog().tr("Passez votre badge personnel, puis tapez votre code PIN");
        m_typed.clear();
        return;
    }
    auto check = m_sessions->check_pin(*m_sign_in_subject, m_typed);
    m_typed.clear();
    if (!check) {
        m_sign_in_message = check.error().message;
        return;
    }
    switch (check->outcome) {
    case PinCheck::Outcome::Accepted:
        if (m_sign_in_subject->kind == SubjectKind::Family) {
            open_family(FamilyId{m_sign_in_subject->id});
        } else {
            m_sessions->open(*m_sign_in_subject, m_sign_in_name);
            m_activity_tab = 0;
            if (auto open =
                    activity_open_at(m_clock->now(), m_check_in->activities(), m_check_in->calendar()))
                for (std::size_t i = 0; i < m_check_in->activities().size(); ++i)
                    if (m_check_in->activities()[i].id == open->id)
                        m_activity_tab = static_cast<int>(i);
            go_to(Screen::StaffRoster);
        }
        break;
    case PinCheck::Outcome::Wrong:
        m_sign_in_message = fill(catalog().tr("Code PIN incorrect, {count} essais restants"),
                                 {{"count", std::to_string(check->remaining)}});
        break;
    case PinCheck::Outcome::Locked:
        m_sign_in_locked = true;
        m_sign_in_message = fill(catalog().tr("Trop d'essais : bloqué jusqu'à {time}"),
                                 {{"time", paris::format_hhmm(*check->locked_until)}});
        break;
    case PinCheck::Outcome::NoPin:
        m_sign_in_message = catalog().tr("Aucun code PIN n'est enregistré : demandez-le à la mairie");
        break;
    }
}

void KioskApp::refresh_counts() {
    Instant now = m_clock->now();
    m_counts_minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
    m_counts.clear();
    const Activity* open = activity_open_at(now, m_check_in->activities(), m_check_in->calendar());
    if (!open)
        return;
    Date today = paris::local_date(now);
    auto booked = m_store->reservations().for_day(today, open->id);
    auto events = m_store->attendance().for_day(today, open->id);
    if (!booked || !events)
        return;
    int present = 0;
    for (const auto& e : effective_events(*events))
        present += e.kind == EventKind::Arrival ? 1 : e.kind == EventKind::Departure ? -1 : 0;
    m_counts = fill(catalog().tr("{present} présents / {expected} attendus"),
                    {{"present", std::to_string(present)}, {"expected", std::to_string(booked->size())}});
}

BadgeView KioskApp::badge_view() const {
    const Catalog& c = catalog();
    Instant now = m_clock->now();
    BadgeView v;
    v.clock = paris::format_hhmm(now);
    v.date = long_date_text(paris::local_date(now), c);
    if (const Activity* open = activity_open_at(now, m_check_in->activities(), m_check_in->calendar())) {
        v.activity = activity_hours_text(*open);
        v.activity_open = true;
    } else if (auto next = next_opening_after(now, m_check_in->activities(), m_check_in->calendar(), 30)) {
        auto local = paris::to_local(next->at);
        v.activity = fill(c.tr("Fermé · prochaine ouverture : {activity}, {weekday} à {time}"),
                          {{"activity", next->activity->name},
                           {"weekday", weekday_text(weekday_of(local.date), c)},
                           {"time", paris::format_hhmm(next->at)}});
    } else {
        v.activity = c.tr("Fermé");
    }
    v.counts = m_counts;
    v.prompt = c.tr("Passe ton badge");
    auto waiting = m_store->outbox_count();
    v.sync = sync_text(m_sync, m_clock->now(), c);
    if (waiting && *waiting > 0)
        v.sync += " · " + fill(c.tr("{count} événements en attente"), {{"count", std::to_string(*waiting)}});
    v.reader = c.tr(m_reader.text);
    v.reader_ok = m_reader.link == ReaderLink::Connected;
    v.parents_button = c.tr("Parents");
    v.staff_button = c.tr("Personnel");
    v.language_button = m_settings.language == Language::French ? "English" : "Français";
    if (!m_settings.demo_badges.empty()) {
        v.demo_title = c.tr("Démo : touchez un badge");
        v.demo_badges = m_settings.demo_badges;
    }
    v.brightness = brightness();
    return v;
}

VerdictView KioskApp::verdict_view() const {
    if (m_verdicts.empty())
        return VerdictView{};
    VerdictView v = m_verdicts.front().view;
    for (std::size_t i = 1; i < m_verdicts.size(); ++i)
        v.waiting.push_back(m_verdicts[i].view.headline);
    auto elapsed = std::chrono::duration<float>(m_clock->now() - m_verdicts.front().since).count();
    v.elapsed = std::clamp(elapsed / std::chrono::duration<float>(verdict_duration()).count(), 0.0F, 1.0F);
    return v;
}

SignInView KioskApp::sign_in_view() const {
    const Catalog& c = catalog();
    SignInView v;
    bool staff = m_sign_in_kind == SubjectKind::Staff;
    v.title = staff ? c.tr("Espace personnel") : c.tr("Espace parents");
    if (m_sign_in_step == SignInStep::Code) {
        v.prompt = c.tr("Tapez votre code abonné (les chiffres de la fin)");
        v.prefix = kSubscriberPrefix;
        v.entry = m_typed;
    } else {
        v.prompt = m_sign_in_subject ? fill(c.tr("{name} : tapez votre code PIN"), {{"name", m_sign_in_name}})
                                     : std::string(c.tr("Code PIN"));
        v.entry = std::string(m_typed.size(), '*');
    }
    v.message = m_sign_in_message;
    v.locked = m_sign_in_locked;
    v.back_button = c.tr("Retour");
    v.ok_button = c.tr("Valider");
    v.clear_button = c.tr("Effacer");
    if (!staff && m_sign_in_step == SignInStep::Code)
        v.reset_button = c.tr("J'ai un code de réinitialisation");
    return v;
}

std::optional<Family> KioskApp::family_by_digits(const std::string& typed) const {
    std::string digits = std::string(4 - std::min<std::size_t>(4, typed.size()), '0') + typed;
    auto family = m_store->families().find_by_subscriber_code(std::string(kSubscriberPrefix) + digits);
    if (!family || !*family)
        return std::nullopt;
    return **family;
}

WeekView KioskApp::week_view() const {
    const Catalog& c = catalog();
    WeekView v;
    if (!m_family)
        return v;
    Instant now = m_clock->now();
    Date monday = add_days(monday_of(paris::local_date(now)), 7 * m_week_offset);
    if (const auto& session = m_sessions->current())
        v.title = session->name;
    v.week = fill(c.tr("Semaine {range}"), {{"range", range_text(monday, add_days(monday, 4), c)}});
    auto children = m_store->children().for_family(*m_family);
    if (children) {
        for (const auto& child : *children)
            v.children.push_back(child.first_name);
        v.child = std::clamp(m_child_tab, 0, std::max(0, static_cast<int>(children->size()) - 1));
        if (!children->empty()) {
            auto rows = m_booking->week((*children)[static_cast<std::size_t>(v.child)].id, monday, c);
            if (rows)
                v.rows = std::move(*rows);
        }
    }
    for (int i = 0; i < 5; ++i)
        v.days.push_back(short_day_text(add_days(monday, i), c));
    v.message = m_week_message;
    if (auto recent = m_booking->recent(*m_family, c, 4))
        v.recent = std::move(*recent);
    v.recent_title = c.tr("Derniers changements");
    v.sign_out_button = c.tr("Se déconnecter");
    v.long_period_button = c.tr("Demande sur une longue période");
    v.previous_button = c.tr("← Précédente");
    v.next_button = c.tr("Suivante →");
    v.absence_button = c.tr("Déclarer une absence");
    auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_sessions->until_sign_out() + 999ms).count();
    v.sign_out_in = fill(c.tr("Déconnexion dans {seconds} s"), {{"seconds", std::to_string(seconds)}});
    return v;
}

LongPeriodView KioskApp::long_period_view() const {
    const Catalog& c = catalog();
    LongPeriodView v;
    v.title = c.tr("Demande sur une longue période");
    v.range = range_text(m_long_period.from, m_long_period.to(), c);
    for (int i = 1; i <= 5; ++i) {
        auto day = std::chrono::weekday{static_cast<unsigned>(i)};
        v.weekday_labels.push_back(weekday_text(day, c));
        v.weekdays.push_back(m_long_period.weekdays.contains(day));
    }
    for (std::size_t i = 0; i < m_booking->activities().size(); ++i) {
        v.activity_labels.push_back(m_booking->activities()[i].name);
        v.activities.push_back(i < m_long_period.activities.size() && m_long_period.activities[i]);
    }
    v.action_book = c.tr("Réserver");
    v.action_cancel = c.tr("Annuler les réservations");
    v.cancel = m_long_period.action == BookingAction::Cancel;
    v.confirm_button = c.tr("Confirmer");
    v.back_button = c.tr("Retour");
    v.shorter_button = c.tr("− 1 semaine");
    v.longer_button = c.tr("+ 1 semaine");
    if (!m_family)
        return v;
    auto children = m_store->children().for_family(*m_family);
    if (!children || children->empty())
        return v;
    const Child& child = (*children)[static_cast<std::size_t>(
        std::clamp(m_child_tab, 0, static_cast<int>(children->size()) - 1))];
    v.child = child.first_name;
    auto plan = m_booking->plan(child.id, m_long_period);
    if (!plan) {
        v.summary = plan.error().message;
        return v;
    }
    using O = LongPeriodDay::Outcome;
    v.summary = fill(c.tr("{change} changements · {done} déjà faits · {late} trop tard · {closed} fermés"),
                     {{"change", std::to_string(plan->count(O::WillChange))},
                      {"done", std::to_string(plan->count(O::AlreadyDone))},
                      {"late", std::to_string(plan->count(O::TooLate))},
                      {"closed", std::to_string(plan->count(O::Closed))}});
    for (const auto& day : plan->days) {
        if (day.outcome != O::TooLate && day.outcome != O::Closed)
            continue;
        std::string activity;
        for (const auto& a : m_booking->activities())
            if (a.id == day.activity)
                activity = a.name;
        std::string why = day.outcome == O::TooLate
                              ? std::string(c.tr("délai dépassé"))
                              : (day.closure ? day.closure->label : std::string(c.tr("fermé")));
        v.lines.push_back(short_day_text(day.day, c) + " · " + activity + " : " + why);
        if (v.lines.size() >= 6)
            break;
    }
    v.can_confirm = plan->count(O::WillChange) > 0;
    return v;
}

RosterView KioskApp::roster_view() const {
    const Catalog& c = catalog();
    RosterView v;
    if (const auto& session = m_sessions->current())
        v.title = fill(c.tr("Personnel · {name}"), {{"name", session->name}});
    const auto& activities = m_check_in->activities();
    for (const auto& a : activities)
        v.activities.push_back(a.name);
    v.sign_out_button = c.tr("Se déconnecter");
    v.roll_call_button = c.tr("Appel d'urgence");
    v.search_button = c.tr("Chercher un enfant");
    v.kiosk_state_button = c.tr("État de la borne");
    auto unheld = m_badges->unheld_today();
    v.unheld_badges_button = fill(c.tr("Badges sans titulaire ({count})"),
                                  {{"count", std::to_string(unheld ? unheld->size() : 0)}});
    auto waiting = m_store->outbox_count();
    v.state =
        std::string(c.tr(m_reader.text)) + " · " +
        fill(c.tr("{count} événements en attente"), {{"count", std::to_string(waiting ? *waiting : 0)}}) +
        " · " + fill(c.tr("version {version}"), {{"version", m_settings.version}});
    if (activities.empty())
        return v;
    v.activity = std::clamp(m_activity_tab, 0, static_cast<int>(activities.size()) - 1);
    Date today = paris::local_date(m_clock->now());
    auto children = m_store->children().list();
    if (!children)
        return v;
    std::vector<Roster> rosters;
    for (const auto& activity : activities) {
        auto booked = m_store->reservations().for_day(today, activity.id);
        auto events = m_store->attendance().for_day(today, activity.id);
        if (!booked || !events)
            return v;
        // Only booked children's absences matter: an absence changes "missing" into "declared absent".
        std::vector<Absence> absences;
        for (const auto& r : *booked)
            if (auto covering = m_store->absences().covering(r.child, today); covering)
                absences.insert(absences.end(), covering->begin(), covering->end());
        rosters.push_back(build_roster(today, activity, *children, *booked, absences, *events));
    }
    auto status_line = [&](const RosterEntry& e) {
        RosterLine line;
        line.name = e.last_name + " " + e.first_name;
        line.class_name = e.class_name;
        line.health_marker = e.health_marker;
        line.unexpected = e.unexpected;
        line.missing = e.status == RosterStatus::Missing;
        switch (e.status) {
        case RosterStatus::Missing:
            line.status = c.tr("manquant");
            break;
        case RosterStatus::Present:
            line.status = fill(c.tr(e.unexpected ? "non prévu, arrivé à {time}" : "présent depuis {time}"),
                               {{"time", e.arrived_at ? paris::format_hhmm(*e.arrived_at) : std::string{}}});
            break;
        case RosterStatus::Departed:
            line.status =
                fill(c.tr("parti à {time}"),
                     {{"time", e.departed_at ? paris::format_hhmm(*e.departed_at) : std::string{}}});
            break;
        case RosterStatus::DeclaredAbsent:
            line.status = c.tr("absent déclaré");
            break;
        }
        return line;
    };
    if (m_roll_call) {
        auto everyone = roll_call(rosters);
        v.counts = fill(c.tr("Appel d'urgence : {count} enfants sur place"),
                        {{"count", std::to_string(everyone.size())}});
        for (const auto& e : everyone)
            v.lines.push_back(status_line(e));
        return v;
    }
    const Roster& roster = rosters[static_cast<std::size_t>(v.activity)];
    const auto& n = roster.counts;
    v.counts = fill(
        c.tr("Attendus {expected} · Présents {present} · Manquants {missing} · Non prévus {unexpected} · "
             "Partis {departed}"),
        {{"expected", std::to_string(n.expected)},
         {"present", std::to_string(n.present)},
         {"missing", std::to_string(n.missing)},
         {"unexpected", std::to_string(n.unexpected)},
         {"departed", std::to_string(n.departed)}});
    if (activities[static_cast<std::size_t>(v.activity)].kind == ActivityKind::Meal) {
        v.diets = c.tr("Repas (prévus / servis) :");
        for (const auto& d : roster.diets)
            v.diets += "  " + std::string(c.tr(diet_label_fr(d.diet))) + " " + std::to_string(d.expected) +
                       "/" + std::to_string(d.arrived);
    }
    for (const auto& e : roster.entries)
        v.lines.push_back(status_line(e));
    return v;
}

} // namespace badgeuse::app
