// The --demo kiosk: the demo school's PINs and the badges of the on-screen "tap a demo badge" panel
// (a booked child, an unbooked one, a declared absent one, unknown and revoked badges, a parent, staff).
#pragma once

#include "badgeuse/app/sessions.hpp"
#include "badgeuse/app/views.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/demo/demo_school.hpp"
#include "badgeuse/store/store.hpp"

#include <string_view>
#include <vector>

namespace badgeuse::app {

inline constexpr std::string_view kDemoPin = "1234";

// Gives every family and staff member the demo PIN. One hash serves them all: hashing 300 families
// one by one would take seconds at start-up, and the demo's PIN is public anyway.
Result<void> set_demo_pins(store::Store& store, const demo::DemoSchool& school, PinCost cost);

// Badges chosen from the school so that each verdict can be shown on `day`.
std::vector<DemoBadge> demo_badges(const demo::DemoSchool& school, Date day);

// The demo's "now": today if the canteen runs today, else the next day it does, at 11:45 (so that the
// demo shows a canteen service), keeping the real time's seconds so it moves like a clock.
Instant demo_start_time(const demo::DemoSchool& school, Instant real_now);

} // namespace badgeuse::app

namespace badgeuse::app {

// The system clock moved by a fixed offset: the demo runs at the time of a canteen service, at the
// real pace.
class ShiftedClock final : public Clock {
public:
    ShiftedClock(const Clock& base, std::chrono::milliseconds offset)
        : m_base(&base)
        , m_offset(offset) {}
    Instant now() const override { return m_base->now() + m_offset; }

private:
    const Clock* m_base;
    std::chrono::milliseconds m_offset;
};

} // namespace badgeuse::app
