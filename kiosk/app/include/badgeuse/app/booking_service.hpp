// BookingService: what parents do at the kiosk under the portal's rules (core/deadline, long_period):
// the week planning of a child, booking or cancelling a day, long-period requests, and the intents'
// history. Each change is a booking intent written with its outbox row, for the portal to decide.
#pragma once

#include "badgeuse/app/catalog.hpp"
#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/uuid_source.hpp"
#include "badgeuse/app/views.hpp"
#include "badgeuse/core/long_period.hpp"

#include <cstddef>
#include <vector>

namespace badgeuse::app {

// The long-period form as the parent fills it on the touchscreen: whole weeks from a Monday.
struct LongPeriodForm {
    Date from{};
    int weeks = 2;
    WeekdaySet weekdays = WeekdaySet::school_week();
    std::vector<bool> activities; // one per site activity, in the service's order; empty means all
    BookingAction action = BookingAction::Book;
    Date to() const { return add_days(from, weeks * 7 - 3); } // the Friday of the last week
};

enum class ToggleOutcome { Booked, Cancelled, TooLate, NoService };

class BookingService {
public:
    BookingService(store::Store& store, const Clock& clock, UuidSource& uuids, const CheckInService& site);

    const std::vector<Activity>& activities() const { return m_site->activities(); }
    const Calendar& calendar() const { return m_site->calendar(); }

    // One row per activity, one cell per day from Monday to Friday.
    Result<std::vector<WeekRow>> week(ChildId child, Date monday, const Catalog& catalog) const;
    // Books a day that is not booked, cancels one that is; refuses after the deadline.
    Result<ToggleOutcome> toggle(FamilyId family, ChildId child, ActivityId activity, Date day);

    Result<LongPeriodPlan> plan(ChildId child, const LongPeriodForm& form) const;
    // Writes an intent for each day the plan changes, in one transaction; returns how many.
    Result<int> apply(FamilyId family, const LongPeriodPlan& plan);

    // The family's latest intents, newest first, with their state.
    Result<std::vector<ChangeLine>> recent(FamilyId family, const Catalog& catalog, std::size_t limit) const;

private:
    Result<void> record(FamilyId family, ChildId child, ActivityId activity, Date day, BookingAction action);

    store::Store* m_store;
    const Clock* m_clock;
    UuidSource* m_uuids;
    const CheckInService* m_site;
};

} // namespace badgeuse::app
