// JSON encoding and strict decoding of every protocol message (see messages.hpp, openapi.yaml).
// A decode either returns the whole message or an error naming the JSON path; never half a message.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <string>
#include <string_view>

namespace badgeuse::protocol {

std::string encode(const EnrollRequest& message);
std::string encode(const EnrollResponse& message);
std::string encode(const PullResponse& message);
std::string encode(const PushRequest& message);
std::string encode(const PushResponse& message);
std::string encode(const TimeResponse& message);
std::string encode(const ErrorResponse& message);

Result<EnrollRequest> decode_enroll_request(std::string_view text);
Result<EnrollResponse> decode_enroll_response(std::string_view text);
Result<PullResponse> decode_pull_response(std::string_view text);
Result<PushRequest> decode_push_request(std::string_view text);
Result<PushResponse> decode_push_response(std::string_view text);
Result<TimeResponse> decode_time_response(std::string_view text);
Result<ErrorResponse> decode_error_response(std::string_view text);

// One record of a change ("family", "child", ...) and its JSON, as the portal keeps it in its change log.
std::string_view entity_key(const ChangeData& data);
std::string encode_change_data(const ChangeData& data);
Result<ChangeData> decode_change_data(std::string_view entity, std::string_view text);

// One event's JSON, as the portal keeps it by UUID.
std::string encode_event(const Event& event);
Result<Event> decode_event(std::string_view text);

// The pull's query string, "after=42&limit=500": the limit is 1..kMaxPullLimit, after >= 0.
inline constexpr int kMaxPullLimit = 5000;
std::string encode_query(const PullRequest& request);
Result<PullRequest> decode_pull_query(std::string_view query);

} // namespace badgeuse::protocol
