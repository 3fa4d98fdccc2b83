// `portal import staff FILE.csv`: the staff members of one site and their badges, from the town's CSV
// (columns in README.md). All or nothing, like the families: an error names the line and the column.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <filesystem>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace badgeuse::portal {

// The header the file must begin with, in this order.
inline constexpr std::string_view kStaffHeader = "site,first_name,last_name,role,badge_uid";

struct StaffImportSummary {
    int staff = 0;
    int badges = 0;
    std::vector<StaffMember> added; // with their ids, for `portal pin reset --staff ID`
};

// Checks every row (the site must be on the portal; a staff member or a badge already there is
// refused: the import adds new staff only), then writes everything in one commit.
Result<StaffImportSummary> import_staff(PortalStore& store, std::string_view csv, std::string_view file_name);

int portal_import_staff(const PortalConfig& config, const std::filesystem::path& file, std::ostream& out,
                        std::ostream& err);

} // namespace badgeuse::portal
