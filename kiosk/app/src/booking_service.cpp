// BookingService: core's deadline and long-period rules over the store's reservations, absences and
// booking intents.
#include "badgeuse/app/booking_service.hpp"

#include "badgeuse/app/texts.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <algorithm>
#include <set>

namespace badgeuse::app {

BookingService::BookingService(store::Store& store, const Clock& clock, UuidSource& uuids,
                               const CheckInService& site)
    : m_store(&store)
    , m_clock(&clock)
    , m_uuids(&uuids)
    , m_site(&site) {}

Result<std::vector<WeekRow>> BookingService::week(ChildId child, Date monday, const Catalog& catalog) const {
    Date friday = add_days(monday, 4);
    auto booked = BADGEUSE_TRY(m_store->reservations().for_child(child, monday, friday));
    auto absences = BADGEUSE_TRY(m_store->absences().for_child(child));
    std::set<std::pair<std::int64_t, int>> reserved;
    for (const auto& r : booked)
        reserved.insert({r.activity.value, days_between(monday, r.day)});
    Instant now = m_clock->now();
    std::vector<WeekRow> rows;
    for (const auto& activity : activities()) {
        WeekRow row;
        row.activity = activity_hours_text(activity);
        for (int i = 0; i < 5; ++i) {
            Date day = add_days(monday, i);
            auto window = booking_window(activity, day, now, calendar());
            WeekCell cell;
            cell.deadline = deadline_text(window, now, catalog);
            cell.deadline_short = deadline_text(window, now, catalog, TextLength::Short);
            cell.can_change = window.state == BookingWindow::State::Open;
            bool absent = std::any_of(absences.begin(), absences.end(),
                                      [&](const Absence& a) { return a.covers(day); });
            if (window.state == BookingWindow::State::NoService) {
                cell.state = window.closure ? CellState::Closed : CellState::NotRun;
                cell.label = window.closure ? window.closure->label : std::string{};
                cell.deadline.clear();
                cell.deadline_short.clear();
            } else if (absent) {
                cell.state = CellState::Absent;
                cell.label = catalog.tr("Absent");
            } else if (reserved.contains({activity.id.value, i})) {
                cell.state = CellState::Reserved;
                cell.label = catalog.tr("Réservé");
            } else {
                cell.state = CellState::NotReserved;
                cell.label = catalog.tr("Non réservé");
            }
            row.cells.push_back(std::move(cell));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<void> BookingService::record(FamilyId family, ChildId child, ActivityId activity, Date day,
                                    BookingAction action) {
    store::BookingIntent intent;
    intent.id = m_uuids->next();
    intent.family = family;
    intent.child = child;
    intent.activity = activity;
    intent.day = day;
    intent.action = action;
    intent.made_at = m_clock->now(); // the portal judges the deadline on this, corrected by the offset
    BADGEUSE_TRY(m_store->record_booking_intent(intent));
    return {};
}

Result<ToggleOutcome> BookingService::toggle(FamilyId family, ChildId child, ActivityId activity_id,
                                             Date day) {
    const Activity* activity = nullptr;
    for (const auto& a : activities())
        if (a.id == activity_id)
            activity = &a;
    if (!activity)
        return make_error("this kiosk does not run that activity");
    auto window = booking_window(*activity, day, m_clock->now(), calendar());
    if (window.state == BookingWindow::State::NoService)
        return ToggleOutcome::NoService;
    if (window.state == BookingWindow::State::DeadlinePassed)
        return ToggleOutcome::TooLate;
    bool reserved = BADGEUSE_TRY(m_store->reservations().is_reserved(child, activity_id, day));
    auto action = reserved ? BookingAction::Cancel : BookingAction::Book;
    BADGEUSE_CHECK(record(family, child, activity_id, day, action));
    return reserved ? ToggleOutcome::Cancelled : ToggleOutcome::Booked;
}

Result<LongPeriodPlan> BookingService::plan(ChildId child, const LongPeriodForm& form) const {
    LongPeriodRequest request;
    request.child = child;
    request.from = form.from;
    request.to = form.to();
    request.weekdays = form.weekdays;
    request.action = form.action;
    for (std::size_t i = 0; i < activities().size(); ++i)
        if (form.activities.empty() || (i < form.activities.size() && form.activities[i]))
            request.activities.push_back(activities()[i].id);
    auto booked = BADGEUSE_TRY(m_store->reservations().for_child(child, request.from, request.to));
    std::set<std::pair<std::int64_t, std::int64_t>> reserved;
    for (const auto& r : booked)
        reserved.insert({r.activity.value, std::chrono::sys_days{r.day}.time_since_epoch().count()});
    auto lookup = [&](ActivityId activity, Date day) {
        return reserved.contains({activity.value, std::chrono::sys_days{day}.time_since_epoch().count()});
    };
    return plan_long_period(request, activities(), calendar(), m_clock->now(), lookup);
}

Result<int> BookingService::apply(FamilyId family, const LongPeriodPlan& plan) {
    auto transaction = BADGEUSE_TRY(m_store->begin_transaction());
    int count = 0;
    for (const auto& day : plan.changes()) {
        BADGEUSE_CHECK(record(family, plan.request.child, day.activity, day.day, plan.request.action));
        ++count;
    }
    BADGEUSE_CHECK(transaction.commit());
    return count;
}

Result<std::vector<ChangeLine>> BookingService::recent(FamilyId family, const Catalog& catalog,
                                                       std::size_t limit) const {
    auto intents = BADGEUSE_TRY(m_store->booking_intents().recent_for_family(family, limit));
    auto children = BADGEUSE_TRY(m_store->children().for_family(family));
    // Intents and declared absences, merged newest first.
    std::vector<std::pair<Instant, ChangeLine>> dated;
    for (const auto& intent : intents) {
        std::string child_name;
        for (const auto& c : children)
            if (c.id == intent.child)
                child_name = c.first_name;
        std::string activity_name;
        for (const auto& a : activities())
            if (a.id == intent.activity)
                activity_name = a.name;
        ChangeLine line;
        line.text =
            child_name + " · " + activity_name + " · " + short_day_text(intent.day, catalog) + " · " +
            std::string(catalog.tr(intent.action == BookingAction::Book ? "réservation" : "annulation"));
        switch (intent.state) {
        case store::IntentState::Waiting:
            line.state = catalog.tr("en attente d'envoi");
            break;
        case store::IntentState::Accepted:
            line.state = catalog.tr("acceptée");
            break;
        case store::IntentState::Refused:
            line.state = fill(catalog.tr("refusée : {reason}"), {{"reason", intent.refusal}});
            break;
        }
        dated.emplace_back(intent.made_at, std::move(line));
    }
    for (const auto& [declared, sent] :
         BADGEUSE_TRY(m_store->absence_declarations().recent_for_family(family, limit))) {
        std::string child_name;
        for (const auto& c : children)
            if (c.id == declared.child)
                child_name = c.first_name;
        ChangeLine line;
        line.text = child_name + " · " + std::string(catalog.tr("absence")) + " · " +
                    days_text(declared.from, declared.to, catalog) + " · " + declared.reason;
        line.state = catalog.tr(sent ? "envoyée" : "en attente d'envoi");
        dated.emplace_back(declared.made_at, std::move(line));
    }
    std::stable_sort(dated.begin(), dated.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<ChangeLine> lines;
    for (auto& [at, line] : dated)
        if (lines.size() < limit)
            lines.push_back(std::move(line));
    return lines;
}

} // namespace badgeuse::app
