// The text keys of the protocol's own enums, as they appear in JSON ("upsert", "book", "refused").
// Each parse function names the accepted keys in its error.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <string_view>

namespace badgeuse::protocol {

std::string_view change_kind_key(ChangeKind kind);
Result<ChangeKind> parse_change_kind_key(std::string_view key);

std::string_view reservation_state_key(ReservationState state);
Result<ReservationState> parse_reservation_state_key(std::string_view key);

std::string_view booking_action_key(BookingAction action);
Result<BookingAction> parse_booking_action_key(std::string_view key);

std::string_view correction_kind_key(CorrectionKind kind);
Result<CorrectionKind> parse_correction_kind_key(std::string_view key);

std::string_view outcome_key(Outcome outcome);
Result<Outcome> parse_outcome_key(std::string_view key);

std::string_view activity_kind_key(ActivityKind kind);
Result<ActivityKind> parse_activity_kind_key(std::string_view key);

std::string_view reservation_policy_key(ReservationPolicy policy);
Result<ReservationPolicy> parse_reservation_policy_key(std::string_view key);

std::string_view departure_recording_key(DepartureRecording recording);
Result<DepartureRecording> parse_departure_recording_key(std::string_view key);

std::string_view badge_state_key(BadgeState state);
Result<BadgeState> parse_badge_state_key(std::string_view key);

std::string_view justification_key(Justification justification);
Result<Justification> parse_justification_key(std::string_view key);

std::string_view pin_subject_key(PinSubject subject); // "family", "staff"
Result<PinSubject> parse_pin_subject_key(std::string_view key);

} // namespace badgeuse::protocol
