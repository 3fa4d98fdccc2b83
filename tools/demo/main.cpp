// badgeuse-demo: the demo school's week with each day's deadline, then a canteen service played
// through the real check-in path (decision, durable insert, outbox) and the roster it leaves.
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/demo_seed.hpp"
#include "badgeuse/app/system_clock.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/core/roster.hpp"
#include "badgeuse/demo/demo_school.hpp"
#include "demo_text.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <set>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

// Left-aligns in a column of `width` characters; setw counts bytes, and French has accents.
std::string pad(const std::string& text, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : text)
        chars += (c & 0xC0) != 0x80 ? 1 : 0;
    return text + std::string(width > chars ? width - chars : 0, ' ');
}

int fail(const std::string& message) {
    std::cerr << "badgeuse-demo: " << message << '\n';
    return 1;
}

const Badge* child_badge(const demo::DemoSchool& school, ChildId child) {
    for (const auto& b : school.badges)
        if (b.holder_kind == HolderKind::Child && b.holder_id == child.value && b.state == BadgeState::Active)
            return &b;
    return nullptr;
}

void print_week(store::Store& store, const std::vector<Activity>& activities, const Calendar& calendar,
                Date monday, Instant now) {
    for (int i = 0; i < 5; ++i) {
        Date day = add_days(monday, i);
        std::cout << "\n  " << demo_tool::short_day(day) << '\n';
        for (const auto& activity : activities) {
            auto window = booking_window(activity, day, now, calendar);
            std::cout << "    " << pad(activity.name, 24);
            if (window.state != BookingWindow::State::NoService) {
                auto booked = store.reservations().for_day(day, activity.id);
                std::cout << std::right << std::setw(4) << (booked ? booked->size() : 0) << " inscrits   ";
            } else {
                std::cout << std::string(17, ' ');
            }
            std::cout << demo_tool::window_text(window) << '\n';
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Badgeuse demo: the demo school's week and a canteen service through the check-in path",
                 "badgeuse-demo"};
    std::string db_path = "build/demo/kiosk.sqlite";
    std::string today_text;
    int children = 300;
    cli.add_option("--db", db_path, "The kiosk database to (re)create");
    cli.add_option("--date", today_text, "Pretend today is this day (YYYY-MM-DD)");
    cli.add_option("--children", children, "Size of the demo school")->check(CLI::Range(20, 20000));
    CLI11_PARSE(cli, argc, argv);

    app::SystemClock system_clock;
    Instant real_now = system_clock.now();
    Date today = paris::local_date(real_now);
    if (!today_text.empty()) {
        auto parsed = parse_date(today_text);
        if (!parsed)
            return fail("--date: " + parsed.error().message);
        today = *parsed;
        real_now = paris::to_instant(today, TimeOfDay::at(8, 45));
    }

    demo::DemoOptions options;
    options.children = children;
    auto year = demo::school_year_containing(today);
    options.term_first = year.first;
    options.term_last = year.last;
    auto school = demo::generate_demo_school(options);

    // The demo database is rebuilt each time: it is the demo's, never a real kiosk's.
    std::filesystem::path path(db_path);
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path());
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    auto opened = store::Store::open(path);
    if (!opened)
        return fail(opened.error().message);
    store::Store& store = *opened;
    if (auto loaded = app::load_demo_school(store, school); !loaded)
        return fail(loaded.error().message);

    Calendar calendar = school.calendar();
    std::cout << school.site.name << " (" << school.site.town << ") — " << school.children.size()
              << " enfants, " << school.classes.size() << " classes, " << school.badges.size() << " badges, "
              << school.reservations.size() << " réservations\n"
              << "Base du kiosque : " << path.string() << "\n\n"
              << "Semaine du " << demo_tool::short_day(today) << " (il est " << paris::format_hhmm(real_now)
              << ") : réservations et délais";
    Date monday = add_days(today, -static_cast<int>((weekday_of(today).iso_encoding() - 1)));
    print_week(store, school.activities, calendar, monday, real_now);
    print_week(store, school.activities, calendar, add_days(monday, 7), real_now);

    // The canteen service: today if the canteen runs today, otherwise the next day it does.
    const Activity& meal = *std::find_if(school.activities.begin(), school.activities.end(),
                                         [](const Activity& a) { return a.kind == ActivityKind::Meal; });
    Date service = today;
    while (!service_day(meal, service, calendar).runs)
        service = add_days(service, 1);
    ManualClock clock(paris::to_instant(service, meal.opening.start) + 1min);
    app::SystemUuidSource uuids;
    auto created = app::CheckInService::create(store, clock, uuids);
    if (!created)
        return fail(created.error().message);
    app::CheckInService& check_in = *created;

    std::cout << "\nService de " << meal.name << ", " << demo_tool::short_day(service)
              << " (simulé à partir de " << paris::format_hhmm(clock.now()) << ") :\n";
    auto booked = store.reservations().for_day(service, meal.id);
    std::set<ChildId> booked_ids;
    for (const auto& r : *booked)
        booked_ids.insert(r.child);

    std::vector<std::string> taps;
    for (std::size_t i = 0; i < booked->size() && taps.size() < 10; i += 7)
        if (const auto* b = child_badge(school, (*booked)[i].child))
            taps.push_back(b->uid);
    for (const auto& child : school.children)
        if (!booked_ids.contains(child.id) && taps.size() < 12)
            if (const auto* b = child_badge(school, child.id))
                taps.push_back(b->uid);
    for (const auto& absence : school.absences)
        if (absence.covers(service) && booked_ids.contains(absence.child))
            if (const auto* b = child_badge(school, absence.child)) {
                taps.push_back(b->uid);
                break;
            }
    taps.push_back(taps.front()); // a second tap: "déjà pointé"
    taps.push_back("0BADC0DE");   // nobody's badge
    for (const auto& b : school.badges)
        if (b.state == BadgeState::Revoked) {
            taps.push_back(b.uid);
            break;
        }
    for (const auto& b : school.badges)
        if (b.holder_kind == HolderKind::Guardian && b.state == BadgeState::Active) {
            taps.push_back(b.uid);
            break;
        }

    auto play = [&](const std::string& uid) {
        auto outcome = check_in.tap(uid);
        if (!outcome) {
            std::cout << "  " << paris::format_hhmm(clock.now()) << "  ERREUR  " << outcome.error().message
                      << '\n';
            return;
        }
        std::cout << "  " << paris::format_hhmm(outcome->at) << "  " << std::left << std::setw(15)
                  << outcome->uid << demo_tool::verdict_text(outcome->decision) << '\n';
    };
    for (const auto& uid : taps) {
        play(uid);
        clock.advance(37s);
    }
    clock.set(paris::to_instant(service, meal.opening.end) + 10min);
    play(taps.front()); // after the service

    auto events = store.attendance().for_day(service, meal.id);
    auto absences = std::vector<Absence>{};
    std::vector<Child> involved;
    for (const auto& child : school.children)
        involved.push_back(child);
    for (const auto& a : school.absences)
        if (a.covers(service))
            absences.push_back(a);
    auto roster = build_roster(service, meal, involved, *booked, absences, *events);
    const auto& c = roster.counts;
    std::cout << "\nFeuille de présence " << meal.name << " : " << c.expected << " attendus, " << c.present
              << " présents, " << c.missing << " manquants, " << c.unexpected << " non prévus, "
              << c.declared_absent << " absents déclarés\nRepas par régime (prévus / servis) :";
    for (const auto& diet : roster.diets)
        std::cout << "  " << diet_label_fr(diet.diet) << " " << diet.expected << "/" << diet.arrived;
    auto waiting = store.outbox_count();
    std::cout << "\nÉvénements en attente d'envoi au portail : " << (waiting ? *waiting : -1) << '\n';
    return 0;
}
