// The French texts badgeuse-demo prints for verdicts and deadlines. Temporary home: the kiosk's
// view-models will own these strings (and their translations) once the UI exists.
#pragma once

#include "badgeuse/core/check_in.hpp"
#include "badgeuse/core/deadline.hpp"

#include <string>

namespace badgeuse::demo_tool {

// "Bonjour Léa, bon appétit !", "Va voir un animateur", ...
std::string verdict_text(const CheckInDecision& decision);
// "modifiable jusqu'au mardi 08/12 10:00", "délai dépassé depuis ...", "pas de service (Noël)".
std::string window_text(const BookingWindow& window);
// "jeudi 10/12"
std::string short_day(Date day);

} // namespace badgeuse::demo_tool
