// The protocol's enum keys, each enum as one table so that formatting and parsing cannot disagree.
#include "badgeuse/protocol/keys.hpp"

#include <array>
#include <string>
#include <utility>

namespace badgeuse::protocol {
namespace {

template <typename Enum, std::size_t N>
using KeyTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view key_of(const KeyTable<Enum, N>& table, Enum value) {
    for (const auto& [candidate, key] : table)
        if (candidate == value)
            return key;
    return "?";
}

template <typename Enum, std::size_t N>
Result<Enum> parse_key(const KeyTable<Enum, N>& table, std::string_view key) {
    std::string expected;
    for (const auto& [value, candidate] : table) {
        if (candidate == key)
            return value;
        expected += expected.empty() ? "" : ", ";
        expected += candidate;
    }
    return make_error("expected one of " + expected + ", not \"" + std::string(key) + "\"");
}

constexpr KeyTable<ChangeKind, 2> kChangeKinds{
    {{ChangeKind::Upsert, "upsert"}, {ChangeKind::Delete, "delete"}}};
constexpr KeyTable<ReservationState, 2> kReservationStates{
    {{ReservationState::Booked, "booked"}, {ReservationState::Cancelled, "cancelled"}}};
constexpr KeyTable<BookingAction, 2> kBookingActions{
    {{BookingAction::Book, "book"}, {BookingAction::Cancel, "cancel"}}};
constexpr KeyTable<CorrectionKind, 2> kCorrectionKinds{
    {{CorrectionKind::MarkPresent, "mark_present"}, {CorrectionKind::MarkAbsent, "mark_absent"}}};
constexpr KeyTable<Outcome, 3> kOutcomes{
    {{Outcome::Accepted, "accepted"}, {Outcome::Duplicate, "duplicate"}, {Outcome::Refused, "refused"}}};
constexpr KeyTable<ActivityKind, 2> kActivityKinds{
    {{ActivityKind::Meal, "meal"}, {ActivityKind::Care, "care"}}};
constexpr KeyTable<ReservationPolicy, 2> kReservationPolicies{
    {{ReservationPolicy::Required, "required"}, {ReservationPolicy::NotRequired, "not_required"}}};
constexpr KeyTable<DepartureRecording, 2> kDepartureRecordings{
    {{DepartureRecording::Off, "off"}, {DepartureRecording::On, "on"}}};
constexpr KeyTable<BadgeState, 2> kBadgeStates{
    {{BadgeState::Active, "active"}, {BadgeState::Revoked, "revoked"}}};
constexpr KeyTable<Justification, 2> kJustifications{
    {{Justification::Unjustified, "unjustified"}, {Justification::Justified, "justified"}}};
constexpr KeyTable<PinSubject, 2> kPinSubjects{
    {{PinSubject::Family, "family"}, {PinSubject::Staff, "staff"}}};

} // namespace

#define BADGEUSE_PROTOCOL_KEYS(Enum, format_name, parse_name, table)                                         \
    std::string_view format_name(Enum value) {                                                               \
        return key_of(table, value);                                                                         \
    }                                                                                                        \
    Result<Enum> parse_name(std::string_view key) {                                                          \
        return parse_key(table, key);                                                                        \
    }

BADGEUSE_PROTOCOL_KEYS(ChangeKind, change_kind_key, parse_change_kind_key, kChangeKinds)
BADGEUSE_PROTOCOL_KEYS(ReservationState, reservation_state_key, parse_reservation_state_key,
                       kReservationStates)
BADGEUSE_PROTOCOL_KEYS(BookingAction, booking_action_key, parse_booking_action_key, kBookingActions)
BADGEUSE_PROTOCOL_KEYS(CorrectionKind, correction_kind_key, parse_correction_kind_key, kCorrectionKinds)
BADGEUSE_PROTOCOL_KEYS(Outcome, outcome_key, parse_outcome_key, kOutcomes)
BADGEUSE_PROTOCOL_KEYS(ActivityKind, activity_kind_key, parse_activity_kind_key, kActivityKinds)
BADGEUSE_PROTOCOL_KEYS(ReservationPolicy, reservation_policy_key, parse_reservation_policy_key,
                       kReservationPolicies)
BADGEUSE_PROTOCOL_KEYS(DepartureRecording, departure_recording_key, parse_departure_recording_key,
                       kDepartureRecordings)
BADGEUSE_PROTOCOL_KEYS(BadgeState, badge_state_key, parse_badge_state_key, kBadgeStates)
BADGEUSE_PROTOCOL_KEYS(Justification, justification_key, parse_justification_key, kJustifications)
BADGEUSE_PROTOCOL_KEYS(PinSubject, pin_subject_key, parse_pin_subject_key, kPinSubjects)

#undef BADGEUSE_PROTOCOL_KEYS

} // namespace badgeuse::protocol
