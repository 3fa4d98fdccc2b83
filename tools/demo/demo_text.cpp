// French texts for the demo's output.
#include "demo_text.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <cstdio>

namespace badgeuse::demo_tool {

std::string short_day(Date day) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u", static_cast<unsigned>(day.day()),
                  static_cast<unsigned>(day.month()));
    return std::string(weekday_name_fr(weekday_of(day))) + " " + buffer;
}

std::string verdict_text(const CheckInDecision& d) {
    std::string marker = d.health_marker ? "  [PAI/allergie]" : "";
    switch (d.verdict) {
    case Verdict::Welcome:
        return "VERT    Bonjour " + d.first_name +
               (d.activity_kind == ActivityKind::Meal ? ", bon appétit !" : ", bienvenue !") + " — " +
               d.activity_name + marker;
    case Verdict::AcceptedNotReserved:
        return "ORANGE  " + d.first_name + ", va voir un animateur (pas de réservation) — " +
               d.activity_name + marker;
    case Verdict::AcceptedDeclaredAbsent:
        return "ORANGE  " + d.first_name + ", va voir un animateur (absence déclarée) — " + d.activity_name +
               marker;
    case Verdict::Goodbye:
        return "VERT    Au revoir " + d.first_name + " !" + marker;
    case Verdict::AlreadyRecorded:
        return "GRIS    " + d.first_name + ", déjà pointé à " + paris::format_hhmm(*d.earlier_tap) + marker;
    case Verdict::UnknownBadge:
        return "ROUGE   Badge inconnu — va voir un animateur";
    case Verdict::RevokedBadge:
        return "ROUGE   Badge désactivé — va voir un animateur";
    case Verdict::NoActivityOpen:
        if (d.next_opening)
            return "ROUGE   Rien n'est ouvert maintenant — prochaine ouverture : " + d.next_activity_name +
                   ", " + short_day(paris::local_date(*d.next_opening)) + " à " +
                   paris::format_hhmm(*d.next_opening);
        return "ROUGE   Rien n'est ouvert maintenant";
    case Verdict::NotAChildBadge:
        return "GRIS    Badge d'adulte — ouverture de l'espace " +
               std::string(d.holder_kind == HolderKind::Staff ? "personnel" : "parents");
    }
    return "";
}

std::string window_text(const BookingWindow& window) {
    auto when = [&] {
        auto local = paris::local_date(window.deadline);
        return short_day(local) + " " + paris::format_hhmm(window.deadline);
    };
    switch (window.state) {
    case BookingWindow::State::Open:
        return "modifiable jusqu'au " + when();
    case BookingWindow::State::DeadlinePassed:
        return "délai dépassé (" + when() + ")";
    case BookingWindow::State::NoService:
        return window.closure ? "fermé (" + window.closure->label + ")" : "pas de service ce jour-là";
    }
    return "";
}

} // namespace badgeuse::demo_tool
