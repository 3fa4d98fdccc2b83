// The staff import: every row checked before anything is written, errors as "staff.csv:4: role
// (column 4): missing".
#include "badgeuse/portal/import_staff.hpp"

#include "badgeuse/core/badge.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/import_csv.hpp"

#include <array>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <utility>

namespace badgeuse::portal {
namespace {

constexpr std::array<std::string_view, 5> kColumns = {"site", "first_name", "last_name", "role", "badge_uid"};
enum Column : std::size_t { kSite, kFirstName, kLastName, kRole, kBadgeUid };

Error at(std::string_view file, const CsvLine& line, std::size_t column, const std::string& message) {
    return csv_cell_error(file, line, column, kColumns[column], message);
}

std::string holder_of(const Badge& badge) {
    return std::string(holder_kind_key(badge.holder_kind)) + " " + std::to_string(badge.holder_id);
}

} // namespace

Result<StaffImportSummary> import_staff(PortalStore& store, std::string_view csv, std::string_view file) {
    const std::vector<CsvLine> lines = BADGEUSE_TRY(split_csv(csv, file));
    if (lines.empty() || joined_header(lines[0]) != kStaffHeader)
        return make_error(std::string(file) + ":1: expected the header " + std::string(kStaffHeader));
    if (lines.size() == 1)
        return make_error(std::string(file) + ": no rows after the header: nothing to import");

    std::optional<Site> site;
    std::set<std::pair<std::string, std::string>> known_names; // the site's staff, then the file's
    std::map<std::string, int> badge_lines;
    std::int64_t next_staff = BADGEUSE_TRY(store.next_id("staff"));
    std::vector<Write> staff_writes;
    std::vector<Write> badge_writes;
    StaffImportSummary summary;

    for (std::size_t index = 1; index < lines.size(); ++index) {
        const CsvLine& line = lines[index];
        if (line.fields.size() != kColumns.size())
            return make_error(std::string(file) + ":" + std::to_string(line.number) + ": expected " +
                              std::to_string(kColumns.size()) + " columns, found " +
                              std::to_string(line.fields.size()));
        const auto& f = line.fields;
        if (f[kSite].empty())
            return at(file, line, kSite, "missing");
        if (!site) {
            site = BADGEUSE_TRY(store.find_site(f[kSite]));
            if (!site)
                return at(file, line, kSite,
                          "no site named \"" + f[kSite] + "\" on the portal: import its families first");
            for (const protocol::ChangeData& data : BADGEUSE_TRY(store.records("staff", site->id))) {
                const auto& member = std::get<StaffMember>(data);
                known_names.emplace(member.first_name, member.last_name);
            }
        } else if (f[kSite] != site->name) {
            return at(file, line, kSite,
                      "one file holds one site; this one began with \"" + site->name + "\"");
        }
        if (f[kFirstName].empty())
            return at(file, line, kFirstName, "missing");
        if (f[kLastName].empty())
            return at(file, line, kLastName, "missing");
        if (f[kRole].empty())
            return at(file, line, kRole, "missing (such as animatrice, cuisine, direction)");
        if (!known_names.emplace(f[kFirstName], f[kLastName]).second)
            return at(file, line, kLastName,
                      f[kFirstName] + " " + f[kLastName] +
                          " is already on the portal or earlier in the file; the import adds new staff only");
        const StaffMember member{StaffId{next_staff++}, site->id, f[kFirstName], f[kLastName], f[kRole]};
        staff_writes.push_back({protocol::ChangeKind::Upsert, member});
        summary.added.push_back(member);
        ++summary.staff;

        if (f[kBadgeUid].empty())
            continue;
        auto uid = normalise_uid(f[kBadgeUid]);
        if (!uid)
            return at(file, line, kBadgeUid, uid.error().message);
        if (auto [seen, added] = badge_lines.emplace(*uid, line.number); !added)
            return at(file, line, kBadgeUid,
                      "this badge is already given on line " + std::to_string(seen->second));
        if (auto held = BADGEUSE_TRY(store.find_badge(*uid)))
            return at(file, line, kBadgeUid,
                      "this badge is already on the portal (" + holder_of(*held) + ")");
        badge_writes.push_back({protocol::ChangeKind::Upsert,
                                Badge{*uid, HolderKind::Staff, member.id.value, BadgeState::Active}});
        ++summary.badges;
    }
    staff_writes.insert(staff_writes.end(), badge_writes.begin(), badge_writes.end());
    (void)BADGEUSE_TRY(store.commit(site->id, staff_writes));
    return summary;
}

int portal_import_staff(const PortalConfig& config, const std::filesystem::path& file, std::ostream& out,
                        std::ostream& err) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        err << "portal: " << file.string() << ": cannot read the file\n";
        return kExitUsage;
    }
    std::ostringstream text;
    text << input.rdbuf();
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto summary = import_staff(**store, text.str(), file.filename().string());
    if (!summary) {
        err << "portal: " << summary.error().message << "; nothing was imported\n";
        return kExitUsage;
    }
    out << "imported " << summary->staff << " staff members, " << summary->badges << " badges\n";
    for (const StaffMember& member : summary->added)
        out << "staff " << member.id.value << ": " << member.first_name << ' ' << member.last_name << " ("
            << member.role << ")\n";
    return kExitOk;
}

} // namespace badgeuse::portal
