// The --headless kiosk's output: one JSON line per tap on stdout, for tests and screenless readers.
#pragma once

#include "badgeuse/app/check_in_service.hpp"

#include <string>

namespace badgeuse::app {

// {"at":"2026-12-07T11:45:00+01:00","uid":"04A1...","verdict":"welcome","tone":"green",
//  "first_name":"Léa","activity":"Restauration scolaire","health_marker":false,"event":"<uuid>"|null}
std::string verdict_json(const CheckInOutcome& outcome);
// {"uid":"...","error":"..."} for a tap the store could not record.
std::string error_json(std::string_view uid, std::string_view message);

} // namespace badgeuse::app
