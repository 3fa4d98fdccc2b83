// The texts the screens show that depend on data: dates, opening hours, deadlines and verdicts, in the
// kiosk's language. Kept apart from the screens so that each wording is tested without a window.
#pragma once

#include "badgeuse/app/catalog.hpp"
#include "badgeuse/app/health.hpp"
#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/check_in.hpp"
#include "badgeuse/core/deadline.hpp"

#include <string>

namespace badgeuse::app {

std::string weekday_text(std::chrono::weekday day, const Catalog& catalog); // "mardi"
std::string long_date_text(Date day, const Catalog& catalog);               // "vendredi 4 décembre 2026"
std::string short_day_text(Date day, const Catalog& catalog);               // "jeu. 10"
std::string day_month_text(Date day, const Catalog& catalog);               // "10 décembre"
// "du 7 au 11 décembre 2026", "du 28 décembre 2026 au 1 janvier 2027"
std::string range_text(Date first, Date last, const Catalog& catalog);
// range_text, or "le 7 décembre 2026" when both days are the same.
std::string days_text(Date first, Date last, const Catalog& catalog);
// "Restauration scolaire 11:30–13:30"
std::string activity_hours_text(const Activity& activity);
// Long: "modifiable jusqu'au mardi 10:00"; Short, for narrow cells: "jusqu'au mar. 10:00". Then
// "délai dépassé", or the closure's label.
enum class TextLength { Long, Short };
std::string deadline_text(const BookingWindow& window, Instant now, const Catalog& catalog,
                          TextLength length = TextLength::Long);

// The badge screen's word on the portal link: "En ligne", "Hors ligne depuis 10:42" (or "depuis le
// 3 décembre" when the outage began on another day), "Connexion au portail…", "Synchronisation non
// configurée". The events waiting are added by the caller.
std::string sync_text(const SyncHealth& sync, Instant now, const Catalog& catalog);

struct VerdictTexts {
    std::string headline;
    std::string message;
    std::string detail;
};
VerdictTexts verdict_texts(const CheckInDecision& decision, const Catalog& catalog);

} // namespace badgeuse::app
