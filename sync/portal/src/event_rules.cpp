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

namespace {

using namespace protocol;

Decision refused(std::string reason, std::string message) {
    return {Outcome::Refused, std::move(reason), std::move(message)};
}

Decision unknown_child() {
    return refused("unknown_child", "Enfant inconnu sur ce site");
}

Result<Decision> decide_assignment(DecisionStore& store, SiteId site, const BadgeAssigned& assigned) {
    if (!BADGEUSE_TRY(store.child_exists(site, assigned.child)))
        return unknown_child();
    const std::optional<Badge> current = BADGEUSE_TRY(store.find_badge(assigned.badge_uid));
    const Decision decision = decide_badge_assignment(assigned, current);
    if (decision.outcome == Outcome::Refused)
        return decision;
    const Badge wanted = badge_after_assignment(assigned);
    if (!current || current->state != wanted.state)
        BADGEUSE_CHECK(store.write(site, wanted));
    return decision;
}

// Stores the new hash if this change is the latest for its subject (the same rule as booking intents,
// so that two kiosks' changes end the same in any order of delivery).
Result<Decision> decide_pin_change(DecisionStore& store, SiteId site, const PinChanged& changed) {
    if (!BADGEUSE_TRY(store.pin_subject_exists(site, changed.subject, changed.subject_id)))
        return changed.subject == PinSubject::Family
                   ? refused("unknown_family", "Famille inconnue sur ce site")
                   : refused("unknown_staff", "Membre du personnel inconnu sur ce site");
    if (!pin_change_applies(changed,
                            BADGEUSE_TRY(store.find_pin_record(changed.subject, changed.subject_id))))
        return Decision{};
    if (const auto applied = BADGEUSE_TRY(store.applied_pin_change(changed)))
        if (!supersedes(changed.made_at, changed.id, applied->made_at, applied->id))
            return Decision{};
    BADGEUSE_CHECK(store.save_applied_pin_change(changed));
    BADGEUSE_CHECK(store.write(site, pin_after_change(changed)));
    return Decision{};
}

// Applies the intent only if it is the latest for its child, activity and day; an older intent arriving
// late is accepted (it was on time) but changes nothing.
Result<void> apply_latest_intent(DecisionStore& store, SiteId site, const BookingIntent& intent) {
    if (const auto applied = BADGEUSE_TRY(store.applied_intent(intent)))
        if (!supersedes(intent.made_at, intent.id, applied->made_at, applied->id))
            return {};
    BADGEUSE_CHECK(store.save_applied_intent(intent));
    const ReservationState wanted =
        intent.action == BookingAction::Book ? ReservationState::Booked : ReservationState::Cancelled;
    if (BADGEUSE_TRY(store.reservation_state(intent.child, intent.activity, intent.day)) == wanted)
        return {};
    return store.write(site, ReservationRecord{{intent.child, intent.activity, intent.day}, wanted});
}

} // namespace

Result<Decision> decide_event(DecisionStore& store, SiteId site, const Event& event,
                              const Calendar& calendar) {
    if (std::holds_alternative<AttendanceEvent>(event))
        return Decision{}; // a fact: kept even for a child the portal does not know, for staff to see
    if (const auto* correction = std::get_if<StaffCorrection>(&event)) {
        if (!BADGEUSE_TRY(store.child_exists(site, correction->child)))
            return unknown_child();
        return Decision{};
    }
    if (const auto* declared = std::get_if<AbsenceDeclared>(&event)) {
        if (!BADGEUSE_TRY(store.child_exists(site, declared->child)))
            return unknown_child();
        BADGEUSE_CHECK(store.write(site, Absence{AbsenceId{}, declared->child, declared->from, declared->to,
                                                 declared->reason, Justification::Unjustified}));
        return Decision{};
    }
    if (const auto* assigned = std::get_if<BadgeAssigned>(&event))
        return decide_assignment(store, site, *assigned);
    if (const auto* changed = std::get_if<PinChanged>(&event))
        return decide_pin_change(store, site, *changed);
    const auto& intent = std::get<BookingIntent>(event);
    if (!BADGEUSE_TRY(store.child_exists(site, intent.child)))
        return unknown_child();
    const auto activity = BADGEUSE_TRY(store.find_activity(site, intent.activity));
    if (!activity)
        return refused("unknown_activity", "Activité inconnue sur ce site");
    const Decision decision = decide_booking(intent, *activity, calendar);
    if (decision.outcome == Outcome::Refused)
        return decision;
    BADGEUSE_CHECK(apply_latest_intent(store, site, intent));
    return decision;
}

} // namespace badgeuse::portal
