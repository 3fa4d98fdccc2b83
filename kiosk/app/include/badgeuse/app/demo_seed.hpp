// Filling a kiosk store with the generated demo school (for --demo, `make demo` and the benchmarks).
// Everything goes in one transaction: a half-loaded demo is never left behind.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/demo/demo_school.hpp"
#include "badgeuse/store/store.hpp"

#include <span>

namespace badgeuse::app {

Result<void> load_demo_school(store::Store& store, const demo::DemoSchool& school);

// Past attendance, as a kiosk holds it once synced: stored, with nothing left waiting in the outbox.
Result<void> load_attendance_history(store::Store& store, std::span<const AttendanceEvent> events);

} // namespace badgeuse::app
