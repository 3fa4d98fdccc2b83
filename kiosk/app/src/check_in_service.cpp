// CheckInService: gathers the child's day from the store, decides, records.
#include "badgeuse/app/check_in_service.hpp"

#include "badgeuse/core/paris_time.hpp"

namespace badgeuse::app {

CheckInService::CheckInService(store::Store& store, const Clock& clock, UuidSource& uuids,
                               CheckInSettings settings)
    : m_store(&store)
    , m_clock(&clock)
    , m_uuids(&uuids)
    , m_settings(settings) {}

Result<CheckInService> CheckInService::create(store::Store& store, const Clock& clock, UuidSource& uuids,
                                              CheckInSettings settings) {
    CheckInService service(store, clock, uuids, settings);
    if (auto loaded = service.reload(); !loaded)
        return loaded.error();
    return service;
}

Result<void> CheckInService::reload() {
    auto activities = m_store->activities().list();
    if (!activities)
        return activities.error();
    auto periods = m_store->closed_periods().list();
    if (!periods)
        return periods.error();
    m_activities = std::move(*activities);
    m_calendar = Calendar(std::move(*periods));
    return {};
}

Result<CheckInOutcome> CheckInService::tap(std::string_view uid_text) {
    CheckInOutcome outcome;
    outcome.at = m_clock->now();
    auto uid = normalise_uid(uid_text);
    outcome.uid = uid ? *uid : std::string(uid_text);

    std::optional<Badge> badge;
    if (uid) {
        auto found = m_store->badges().find(*uid);
        if (!found)
            return found.error();
        badge = std::move(*found);
    }
    std::optional<Child> child;
    std::vector<Reservation> reservations;
    std::vector<Absence> absences;
    std::vector<AttendanceEvent> events;
    Date today = paris::local_date(outcome.at);
    if (badge && badge->holder_kind == HolderKind::Child && badge->state == BadgeState::Active) {
        ChildId id{badge->holder_id};
        auto found = m_store->children().get(id);
        if (!found)
            return found.error();
        child = std::move(*found);
        auto booked = m_store->reservations().for_child(id, today, today);
        auto absent = m_store->absences().covering(id, today);
        auto recorded = m_store->attendance().for_child_on(id, today);
        if (!booked)
            return booked.error();
        if (!absent)
            return absent.error();
        if (!recorded)
            return recorded.error();
        reservations = std::move(*booked);
        absences = std::move(*absent);
        events = std::move(*recorded);
    }

    CheckInInput input;
    input.now = outcome.at;
    input.uid = outcome.uid;
    input.badge = badge ? &*badge : nullptr;
    input.child = child ? &*child : nullptr;
    input.activities = m_activities;
    input.calendar = &m_calendar;
    input.reservations = reservations;
    input.absences = absences;
    input.events = events;
    input.settings = m_settings;
    outcome.decision = decide_check_in(input);

    if (const auto& planned = outcome.decision.event) {
        AttendanceEvent event;
        event.id = m_uuids->next();
        event.child = child->id;
        event.activity = planned->activity;
        event.day = planned->day;
        event.kind = planned->kind;
        event.capture = Capture::Badge;
        event.flag = planned->flag;
        event.at = outcome.at;
        event.badge_uid = outcome.uid;
        if (auto recorded = m_store->record_attendance(event); !recorded)
            return recorded.error();
        outcome.event_id = event.id;
    } else if (outcome.decision.record_refusal) {
        store::RefusedTap refused{outcome.uid, outcome.at,
                                  std::string(verdict_key(outcome.decision.verdict))};
        if (auto recorded = m_store->refused_taps().record(refused); !recorded)
            return recorded.error();
    }
    return outcome;
}

Result<ManualOutcomeInfo> CheckInService::manual(const ManualRequest& request) {
    ManualOutcomeInfo outcome;
    outcome.at = m_clock->now();
    const Activity* activity = nullptr;
    for (const auto& a : m_activities)
        if (a.id == request.activity)
            activity = &a;
    if (activity == nullptr)
        return make_error("this kiosk does not run that activity; reload its data from the portal");
    auto child = BADGEUSE_TRY(m_store->children().get(request.child));
    if (!child)
        return make_error("this kiosk does not know that child; reload its data from the portal");
    Date today = paris::local_date(outcome.at);
    auto reservations = BADGEUSE_TRY(m_store->reservations().for_child(child->id, today, today));
    auto absences = BADGEUSE_TRY(m_store->absences().covering(child->id, today));
    auto events = BADGEUSE_TRY(m_store->attendance().for_child_on(child->id, today));
    auto guardians = BADGEUSE_TRY(m_store->guardians().for_family(child->family));

    ManualInput input;
    input.now = outcome.at;
    input.action = request.action;
    input.child = &*child;
    input.activity = activity;
    input.calendar = &m_calendar;
    input.reservations = reservations;
    input.absences = absences;
    input.events = events;
    input.guardians = guardians;
    input.picked_up_by = request.picked_up_by;
    outcome.decision = decide_manual(input);
    if (const auto& planned = outcome.decision.event) {
        AttendanceEvent event;
        event.id = m_uuids->next();
        event.child = child->id;
        event.activity = planned->activity;
        event.day = planned->day;
        event.kind = planned->kind;
        event.capture = Capture::Manual;
        event.flag = planned->flag;
        event.at = outcome.at;
        event.recorded_by = request.staff;
        event.picked_up_by = outcome.decision.picked_up_by;
        event.voids = outcome.decision.voids;
        BADGEUSE_TRY(m_store->record_attendance(event));
        outcome.event_id = event.id;
    }
    return outcome;
}

} // namespace badgeuse::app
