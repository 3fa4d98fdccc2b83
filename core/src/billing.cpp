// Billing categories: one decision table, and the gathering of a month's facts per child and day.
#include "badgeuse/core/billing.hpp"

#include "badgeuse/core/attendance_days.hpp"

#include <map>
#include <set>
#include <tuple>

namespace badgeuse {

std::string_view billing_category_key(BillingCategory category) {
    switch (category) {
    case BillingCategory::BookedPresent:
        return "booked_present";
    case BillingCategory::PresentUnbooked:
        return "present_unbooked";
    case BillingCategory::BookedAbsentUnjustified:
        return "absent_unjustified";
    case BillingCategory::JustifiedAbsence:
        return "absence_justified";
    case BillingCategory::ChangedAfterDeadline:
        return "changed_after_deadline";
    }
    return "?";
}

std::optional<BillingCategory> billing_category(const BillingFacts& facts) {
    if (facts.present)
        return facts.booked ? BillingCategory::BookedPresent : BillingCategory::PresentUnbooked;
    if (!facts.booked)
        return std::nullopt;
    if (facts.justified_absence)
        return BillingCategory::JustifiedAbsence;
    if (facts.late_change)
        return BillingCategory::ChangedAfterDeadline;
    return BillingCategory::BookedAbsentUnjustified;
}

std::vector<BillingLine> billing_lines(const BillingInput& input) {
    // Keyed by (day, child, activity): the map's order is the result's.
    using Key = std::tuple<std::chrono::sys_days, std::int64_t, std::int64_t>;
    const auto key_of = [](ChildId child, ActivityId activity, Date day) {
        return Key{std::chrono::sys_days{day}, child.value, activity.value};
    };
    std::map<Key, BillingFacts> facts;
    for (const Reservation& booked : input.booked)
        facts[key_of(booked.child, booked.activity, booked.day)].booked = true;
    for (const AttendanceDay& day : attendance_days(input.attendance))
        if (day.present())
            facts[key_of(day.child, day.activity, day.day)].present = true;

    std::map<Key, const PresenceCorrection*> latest;
    for (const PresenceCorrection& correction : input.corrections) {
        const PresenceCorrection*& slot =
            latest[key_of(correction.child, correction.activity, correction.day)];
        if (!slot || correction.made_at >= slot->made_at)
            slot = &correction;
    }
    for (const auto& [key, correction] : latest)
        facts[key].present = correction->present;

    std::set<Key> late;
    for (const Reservation& change : input.late_changes)
        late.insert(key_of(change.child, change.activity, change.day));

    std::vector<BillingLine> lines;
    for (auto& [key, day_facts] : facts) {
        const auto& [day, child, activity] = key;
        const Date date{day};
        for (const Absence& absence : input.absences)
            if (absence.child.value == child && absence.covers(date) &&
                absence.justification == Justification::Justified)
                day_facts.justified_absence = true;
        day_facts.late_change = late.contains(key);
        if (auto category = billing_category(day_facts))
            lines.push_back({{ChildId{child}, ActivityId{activity}, date}, *category});
    }
    return lines;
}

} // namespace badgeuse
