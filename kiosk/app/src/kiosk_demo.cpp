// The demo kiosk's data: PINs, the demo panel's badges, the demo's clock.
#include "badgeuse/app/kiosk_demo.hpp"

#include "badgeuse/core/deadline.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <algorithm>
#include <set>

namespace badgeuse::app {

Result<void> set_demo_pins(store::Store& store, const demo::DemoSchool& school, PinCost cost) {
    auto hash = BADGEUSE_TRY(hash_pin(kDemoPin, cost));
    auto transaction = BADGEUSE_TRY(store.begin_transaction());
    for (const auto& family : school.families)
        BADGEUSE_CHECK(store.pins().set_hash(Subject{SubjectKind::Family, family.id.value}.key(), hash));
    for (const auto& member : school.staff)
        BADGEUSE_CHECK(store.pins().set_hash(Subject{SubjectKind::Staff, member.id.value}.key(), hash));
    return transaction.commit();
}

namespace {

const Badge* active_badge(const demo::DemoSchool& school, HolderKind kind, std::int64_t holder) {
    for (const auto& b : school.badges)
        if (b.holder_kind == kind && b.holder_id == holder && b.state == BadgeState::Active)
            return &b;
    return nullptr;
}

const Activity* canteen_of(const demo::DemoSchool& school) {
    auto found = std::find_if(school.activities.begin(), school.activities.end(),
                              [](const Activity& a) { return a.kind == ActivityKind::Meal; });
    return found == school.activities.end() ? nullptr : &*found;
}

} // namespace

std::vector<DemoBadge> demo_badges(const demo::DemoSchool& school, Date day) {
    std::vector<DemoBadge> badges;
    const Activity* meal = canteen_of(school);
    std::set<std::int64_t> booked;
    if (meal)
        for (const auto& r : school.reservations)
            if (r.day == day && r.activity == meal->id)
                booked.insert(r.child.value);
    std::set<std::int64_t> absent;
    for (const auto& a : school.absences)
        if (a.covers(day))
            absent.insert(a.child.value);
    auto add = [&](std::string label, const std::string& uid) {
        if (badges.size() < 9)
            badges.push_back({std::move(label), uid, static_cast<char>('1' + badges.size())});
    };
    int booked_shown = 0;
    for (const auto& child : school.children) {
        if (booked_shown >= 2)
            break;
        if (booked.contains(child.id.value) && !absent.contains(child.id.value))
            if (const Badge* b = active_badge(school, HolderKind::Child, child.id.value)) {
                add(child.first_name + (child.needs_health_marker() ? " · PAI" : ""), b->uid);
                ++booked_shown;
            }
    }
    for (const auto& child : school.children)
        if (!booked.contains(child.id.value) && !absent.contains(child.id.value))
            if (const Badge* b = active_badge(school, HolderKind::Child, child.id.value)) {
                add(child.first_name + " · sans résa", b->uid);
                break;
            }
    for (const auto& child : school.children)
        if (booked.contains(child.id.value) && absent.contains(child.id.value))
            if (const Badge* b = active_badge(school, HolderKind::Child, child.id.value)) {
                add(child.first_name + " · absent", b->uid);
                break;
            }
    add("Inconnu", "0BADC0DE");
    for (const auto& b : school.badges)
        if (b.state == BadgeState::Revoked) {
            add("Révoqué", b.uid);
            break;
        }
    for (const auto& b : school.badges)
        if (b.holder_kind == HolderKind::Guardian && b.state == BadgeState::Active) {
            add("Parent", b.uid);
            break;
        }
    for (const auto& b : school.badges)
        if (b.holder_kind == HolderKind::Staff && b.state == BadgeState::Active) {
            add("Personnel", b.uid);
            break;
        }
    return badges;
}

Instant demo_start_time(const demo::DemoSchool& school, Instant real_now) {
    const Activity* meal = canteen_of(school);
    Date day = paris::local_date(real_now);
    if (!meal)
        return real_now;
    Calendar calendar = school.calendar();
    for (int i = 0; i < 60 && !service_day(*meal, day, calendar).runs; ++i)
        day = add_days(day, 1);
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(real_now.time_since_epoch() %
                                                                    std::chrono::minutes{1});
    return paris::to_instant(day, TimeOfDay::at(11, 45)) + seconds;
}

} // namespace badgeuse::app
