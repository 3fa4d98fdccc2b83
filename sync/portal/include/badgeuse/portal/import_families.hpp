// `portal import families FILE.csv`: families, guardians, children and badges of one site from the
// town's CSV (columns in README.md). All or nothing: an error names the line and the column.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <filesystem>
#include <iosfwd>
#include <string_view>

namespace badgeuse::portal {

// The header the file must begin with, in this order.
inline constexpr std::string_view kFamiliesHeader =
    "site,subscriber_code,family_name,guardian_first_name,guardian_last_name,guardian_phone,"
    "child_first_name,child_last_name,class,diet,allergy,pai,badge_uid";

struct ImportSummary {
    int families = 0;
    int guardians = 0;
    int children = 0;
    int badges = 0;
};

// Reads the whole text, checks every row, then writes everything in one commit (or nothing).
Result<ImportSummary> import_families(PortalStore& store, std::string_view csv, std::string_view file_name);

int portal_import_families(const PortalConfig& config, const std::filesystem::path& file, std::ostream& out,
                           std::ostream& err);

} // namespace badgeuse::portal
