// Who may take a child home from evening care: one of the family's guardians or one of the adults the
// family authorised for that child. Anyone else is refused and staff call the family. Pure.
#pragma once

#include "badgeuse/core/people.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse {

// The adults staff may hand the child to, as shown and as recorded in AttendanceEvent::picked_up_by:
// "Sophie Martin" for a guardian, the authorised adult's name as the family gave it.
struct PickUpAdult {
    std::string name;
    std::string relation; // "parent", or the authorised adult's ("grand-mère")
    std::string phone;
};
std::vector<PickUpAdult> pick_up_adults(const Child& child, std::span<const Guardian> guardians);

// The authorised adult whose name is `name` (case, accents and spacing ignored: staff may type it), or
// nothing when that person may not take the child. Guardians of another family never count.
std::optional<PickUpAdult> authorised_pick_up(const Child& child, std::span<const Guardian> guardians,
                                              std::string_view name);

} // namespace badgeuse
