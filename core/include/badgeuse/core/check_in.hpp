// The check-in decision: a badge tapped now at this kiosk -> the verdict the child sees, and the event
// to record. Pure: the app gathers the child's day from the store and records what this decides.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/attendance.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/people.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse {

enum class Verdict {
    Welcome,                // reserved (or no reservation needed): green
    AcceptedNotReserved,    // present without a reservation: accepted, flagged for staff and billing
    AcceptedDeclaredAbsent, // declared absent but here: accepted, flagged
    Goodbye,                // departure recorded (activities that record departures)
    AlreadyRecorded,        // a second tap in the same slot: "déjà pointé", nothing recorded
    UnknownBadge,           // refused, recorded for staff
    RevokedBadge,           // refused, recorded for staff
    NoActivityOpen,         // refused, with the next opening time
    NotAChildBadge,         // a guardian's or staff badge: the app opens their sign-in instead
};

// How the verdict screen shows it; sounds follow the tone.
enum class Tone { Green, Orange, Red, Neutral };
Tone tone_of(Verdict verdict);
std::string_view verdict_key(Verdict verdict); // "welcome", "accepted_not_reserved", ...

struct CheckInSettings {
    // A second tap sooner than this after the arrival is a child tapping twice, not leaving.
    std::chrono::minutes minimum_stay{5};
    // How far ahead to look for the next opening when nothing is open now.
    int next_opening_horizon_days = 120;
};

// What the app knows when a badge is tapped. Spans point at the app's own data for this tap.
struct CheckInInput {
    Instant now;
    std::string uid;                      // normalised
    const Badge* badge = nullptr;         // nullptr: no badge with that UID
    const Child* child = nullptr;         // the holder, when the badge is a child's
    std::span<const Activity> activities; // those this kiosk serves
    const Calendar* calendar = nullptr;
    std::span<const Reservation> reservations; // the child's, for today
    std::span<const Absence> absences;         // the child's, covering today
    std::span<const AttendanceEvent> events;   // the child's, today (Void events included)
    CheckInSettings settings;
};

// The event the app must record (with a fresh UUID, durably) before showing the verdict.
struct EventToRecord {
    ActivityId activity;
    Date day;
    EventKind kind = EventKind::Arrival;
    AttendanceFlag flag = AttendanceFlag::None;
};

struct CheckInDecision {
    Verdict verdict = Verdict::UnknownBadge;
    std::optional<EventToRecord> event; // set for Welcome, Accepted*, Goodbye
    bool record_refusal = false;        // UnknownBadge, RevokedBadge: kept for staff
    std::string first_name;             // shown in large letters
    std::optional<ActivityId> activity; // the activity open now
    std::string activity_name;
    ActivityKind activity_kind = ActivityKind::Care;
    bool health_marker = false;            // allergy or PAI: staff recognise the marker
    std::optional<Instant> earlier_tap;    // AlreadyRecorded: when the first tap was
    std::optional<Instant> next_opening;   // NoActivityOpen
    std::string next_activity_name;        // NoActivityOpen
    std::optional<HolderKind> holder_kind; // NotAChildBadge
    std::int64_t holder_id = 0;            // NotAChildBadge: the guardian's or staff member's id
};

CheckInDecision decide_check_in(const CheckInInput& input);

// The flag an arrival of `child` at `activity` on `day` carries: declared absent first, then not
// reserved (when the activity needs a reservation), else none. Taps and staff's manual arrivals share it.
AttendanceFlag arrival_flag(const Child& child, const Activity& activity, Date day,
                            std::span<const Reservation> reservations, std::span<const Absence> absences);

// The activity open at `now` among `activities`, if any (the earliest-starting one if two overlap).
const Activity* activity_open_at(Instant now, std::span<const Activity> activities, const Calendar& calendar);

struct NextOpening {
    Instant at;
    const Activity* activity = nullptr;
};
// The next time one of `activities` opens after `now`, within `horizon_days`.
std::optional<NextOpening> next_opening_after(Instant now, std::span<const Activity> activities,
                                              const Calendar& calendar, int horizon_days = 120);

// The events that still count: Void events and the events they cancel are dropped.
std::vector<AttendanceEvent> effective_events(std::span<const AttendanceEvent> events);

} // namespace badgeuse
