// Text keys of the domain enums that core does not name itself, as the store writes them in columns.
// Keys, not numbers, so that reordering an enum never changes what a stored row means.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/result.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace badgeuse::store {

template <typename Enum, std::size_t N>
struct EnumKeys {
    std::string_view what; // "an activity kind", for errors
    std::array<std::pair<Enum, std::string_view>, N> keys;

    std::string_view key(Enum value) const {
        for (const auto& [candidate, name] : keys)
            if (candidate == value)
                return name;
        return keys.front().second;
    }

    Result<Enum> parse(std::string_view text) const {
        std::string known;
        for (const auto& [value, name] : keys) {
            if (name == text)
                return value;
            known += (known.empty() ? "" : ", ") + std::string(name);
        }
        return make_error("expected " + std::string(what) + " among " + known + ", got '" +
                          std::string(text) + "'");
    }
};

inline constexpr EnumKeys<ActivityKind, 2> kActivityKinds{
    "an activity kind", {{{ActivityKind::Meal, "meal"}, {ActivityKind::Care, "care"}}}};
inline constexpr EnumKeys<ReservationPolicy, 2> kReservationPolicies{
    "a reservation policy",
    {{{ReservationPolicy::Required, "required"}, {ReservationPolicy::NotRequired, "not_required"}}}};
inline constexpr EnumKeys<DepartureRecording, 2> kDepartureRecordings{
    "a departure recording", {{{DepartureRecording::Off, "off"}, {DepartureRecording::On, "on"}}}};
inline constexpr EnumKeys<Justification, 2> kJustifications{
    "a justification",
    {{{Justification::Unjustified, "unjustified"}, {Justification::Justified, "justified"}}}};
inline constexpr EnumKeys<BadgeState, 2> kBadgeStates{
    "a badge state", {{{BadgeState::Active, "active"}, {BadgeState::Revoked, "revoked"}}}};

} // namespace badgeuse::store
