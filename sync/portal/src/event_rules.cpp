// Booking intents against the deadline and against each other.
#include "badgeuse/portal/event_rules.hpp"

#include "badgeuse/core/deadline.hpp"
#include "badgeuse/core/paris_time.hpp"

namespace badgeuse::portal {

Decision decide_booking(const protocol::BookingIntent& intent, const Activity& activity,
                        const Calendar& calendar) {
    const BookingWindow window = booking_window(activity, intent.day, intent.made_at, calendar);
    switch (window.state) {
    case BookingWindow::State::Open:
        return {};
    case BookingWindow::State::DeadlinePassed:
        return {protocol::Outcome::Refused, "too_late",
                "Trop tard : pour le " + format_date(intent.day) +
                    ", il fallait réserver ou annuler avant le " + paris::format_iso8601(window.deadline)};
    case BookingWindow::State::NoService:
        break;
    }
    return {protocol::Outcome::Refused, "no_service",
            "Pas de " + activity.name + " le " + format_date(intent.day) + " (fermé ou jour sans accueil)"};
}

bool supersedes(Instant made_at, const Uuid& id, Instant applied_made_at, const Uuid& applied_id) {
    if (made_at != applied_made_at)
        return made_at > applied_made_at;
    return id > applied_id;
}

} // namespace badgeuse::portal
