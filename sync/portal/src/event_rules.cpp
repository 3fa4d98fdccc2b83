// Booking intents against the deadline and against each other; badge assignments and PIN changes.
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

Decision decide_badge_assignment(const protocol::BadgeAssigned& event, const std::optional<Badge>& current) {
    if (!current || (current->holder_kind == HolderKind::Child && current->holder_id == event.child.value))
        return {};
    return {protocol::Outcome::Refused, "badge_taken",
            "Le badge " + event.badge_uid + " appartient déjà à quelqu'un d'autre"};
}

Badge badge_after_assignment(const protocol::BadgeAssigned& event) {
    return Badge{event.badge_uid, HolderKind::Child, event.child.value, BadgeState::Active};
}

protocol::PinRecord pin_after_change(const protocol::PinChanged& event) {
    protocol::PinRecord record;
    record.subject = event.subject;
    record.id = event.subject_id;
    record.pin_hash = event.pin_hash;
    return record;
}

bool pin_change_applies(const protocol::PinChanged& event,
                        const std::optional<protocol::PinRecord>& current) {
    if (!current || current->reset_code_hash.empty())
        return true;
    const Instant reset_printed = current->reset_expires - kPinResetLifetime;
    return event.made_at >= reset_printed;
}

} // namespace badgeuse::portal
