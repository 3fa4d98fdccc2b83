// Strong identifiers for the domain's records, so that a child's id is never passed as a family's.
// Ids are assigned by the portal (the source of truth) and are stable across kiosks.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace badgeuse {

template <typename Tag>
struct Id {
    std::int64_t value = 0;

    constexpr explicit operator bool() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using SiteId = Id<struct SiteTag>;
using ActivityId = Id<struct ActivityTag>;
using FamilyId = Id<struct FamilyTag>;
using GuardianId = Id<struct GuardianTag>;
using ChildId = Id<struct ChildTag>;
using StaffId = Id<struct StaffTag>;
using AbsenceId = Id<struct AbsenceTag>;

} // namespace badgeuse

template <typename Tag>
struct std::hash<badgeuse::Id<Tag>> {
    std::size_t operator()(badgeuse::Id<Tag> id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
