// The families import. Every row is checked before anything is written, so that a file with one bad
// line leaves the portal as it was, and the error says where to look: "families.csv:12: diet (column 10):
// ...".
#include "badgeuse/portal/import_families.hpp"

#include "badgeuse/core/badge.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/import_csv.hpp"

#include <array>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

namespace badgeuse::portal {
namespace {

constexpr std::array<std::string_view, 13> kColumns = {"site",
                                                       "subscriber_code",
                                                       "family_name",
                                                       "guardian_first_name",
                                                       "guardian_last_name",
                                                       "guardian_phone",
                                                       "child_first_name",
                                                       "child_last_name",
                                                       "class",
                                                       "diet",
                                                       "allergy",
                                                       "pai",
                                                       "badge_uid"};
enum Column : std::size_t {
    kSite,
    kSubscriberCode,
    kFamilyName,
    kGuardianFirstName,
    kGuardianLastName,
    kGuardianPhone,
    kChildFirstName,
    kChildLastName,
    kClass,
    kDiet,
    kAllergy,
    kPai,
    kBadgeUid,
};

using Line = CsvLine;

Error at(std::string_view file, const Line& line, std::size_t column, const std::string& message) {
    return csv_cell_error(file, line, column, kColumns[column], message);
}

Result<bool> yes_no(std::string_view file, const Line& line, std::size_t column) {
    const std::string& value = line.fields[column];
    if (value.empty() || value == "no" || value == "non")
        return false;
    if (value == "yes" || value == "oui")
        return true;
    return at(file, line, column, "expected yes or no (or empty for no), not \"" + value + "\"");
}

} // namespace

Result<ImportSummary> import_families(PortalStore& store, std::string_view csv, std::string_view file) {
    const std::vector<Line> lines = BADGEUSE_TRY(split_csv(csv, file));
    if (lines.empty())
        return make_error(std::string(file) + ": empty file; expected the header " +
                          std::string(kFamiliesHeader));
    if (joined_header(lines[0]) != kFamiliesHeader)
        return make_error(std::string(file) + ":1: expected the header " + std::string(kFamiliesHeader));

    std::string site_name;
    std::int64_t next_family = BADGEUSE_TRY(store.next_id("family"));
    std::int64_t next_guardian = BADGEUSE_TRY(store.next_id("guardian"));
    std::int64_t next_child = BADGEUSE_TRY(store.next_id("child"));
    std::map<std::string, Family> families; // by subscriber code
    std::vector<Family> family_order;
    std::set<std::tuple<std::int64_t, std::string, std::string>> guardians_seen;
    std::map<std::string, int> badge_lines;
    std::vector<Write> records; // guardians, children and badges, after the families
    ImportSummary summary;

    for (std::size_t index = 1; index < lines.size(); ++index) {
        const Line& line = lines[index];
        if (line.fields.size() != kColumns.size())
            return make_error(std::string(file) + ":" + std::to_string(line.number) + ": expected " +
                              std::to_string(kColumns.size()) + " columns, found " +
                              std::to_string(line.fields.size()));
        const auto& f = line.fields;
        if (f[kSite].empty())
            return at(file, line, kSite, "missing");
        if (site_name.empty())
            site_name = f[kSite];
        else if (f[kSite] != site_name)
            return at(file, line, kSite,
                      "one file holds one site; this one began with \"" + site_name + "\"");
        if (!is_valid_subscriber_code(f[kSubscriberCode]))
            return at(file, line, kSubscriberCode,
                      "expected BLENFANCE-<digits>-<digits>, not \"" + f[kSubscriberCode] + "\"");
        if (f[kFamilyName].empty())
            return at(file, line, kFamilyName, "missing");

        auto family = families.find(f[kSubscriberCode]);
        if (family == families.end()) {
            if (BADGEUSE_TRY(store.family_by_code(f[kSubscriberCode])))
                return at(file, line, kSubscriberCode,
                          "this family is already on the portal; the import adds new families only");
            Family added{FamilyId{next_family++}, SiteId{}, f[kSubscriberCode], f[kFamilyName]};
            family = families.emplace(f[kSubscriberCode], added).first;
            family_order.push_back(added);
            ++summary.families;
        } else if (family->second.name != f[kFamilyName]) {
            return at(file, line, kFamilyName,
                      "this family was named \"" + family->second.name + "\" on an earlier line");
        }
        const FamilyId family_id = family->second.id;

        const bool has_guardian =
            !f[kGuardianFirstName].empty() || !f[kGuardianLastName].empty() || !f[kGuardianPhone].empty();
        if (has_guardian) {
            if (f[kGuardianLastName].empty())
                return at(file, line, kGuardianLastName, "missing (a guardian needs a last name)");
            if (guardians_seen.emplace(family_id.value, f[kGuardianFirstName], f[kGuardianLastName]).second) {
                records.push_back({protocol::ChangeKind::Upsert,
                                   Guardian{GuardianId{next_guardian++}, family_id, f[kGuardianFirstName],
                                            f[kGuardianLastName], f[kGuardianPhone]}});
                ++summary.guardians;
            }
        }

        if (f[kChildFirstName].empty())
            return at(file, line, kChildFirstName, "missing");
        if (f[kChildLastName].empty())
            return at(file, line, kChildLastName, "missing");
        Child child;
        child.id = ChildId{next_child++};
        child.family = family_id;
        child.first_name = f[kChildFirstName];
        child.last_name = f[kChildLastName];
        child.class_name = f[kClass];
        if (!f[kDiet].empty()) {
            auto diet = parse_diet_key(f[kDiet]);
            if (!diet)
                return at(file, line, kDiet, diet.error().message);
            child.diet = *diet;
        }
        child.allergy = BADGEUSE_TRY(yes_no(file, line, kAllergy));
        child.pai = BADGEUSE_TRY(yes_no(file, line, kPai));
        records.push_back({protocol::ChangeKind::Upsert, child});
        ++summary.children;

        if (!f[kBadgeUid].empty()) {
            auto uid = normalise_uid(f[kBadgeUid]);
            if (!uid)
                return at(file, line, kBadgeUid, uid.error().message);
            if (auto [seen, added] = badge_lines.emplace(*uid, line.number); !added)
                return at(file, line, kBadgeUid,
                          "this badge is already given on line " + std::to_string(seen->second));
            records.push_back({protocol::ChangeKind::Upsert,
                               Badge{*uid, HolderKind::Child, child.id.value, BadgeState::Active}});
            ++summary.badges;
        }
    }
    if (lines.size() == 1)
        return make_error(std::string(file) + ": no rows after the header: nothing to import");

    auto site = BADGEUSE_TRY(store.find_site(site_name));
    if (!site)
        site = Site{BADGEUSE_TRY(store.add_site(Site{SiteId{}, site_name, ""})), site_name, ""};
    std::vector<Write> writes;
    for (Family& family : family_order) {
        family.site = site->id;
        writes.push_back({protocol::ChangeKind::Upsert, family});
    }
    writes.insert(writes.end(), records.begin(), records.end());
    (void)BADGEUSE_TRY(store.commit(site->id, writes));
    return summary;
}

int portal_import_families(const PortalConfig& config, const std::filesystem::path& file, std::ostream& out,
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
    auto summary = import_families(**store, text.str(), file.filename().string());
    if (!summary) {
        err << "portal: " << summary.error().message << "; nothing was imported\n";
        return kExitUsage;
    }
    out << "imported " << summary->families << " families, " << summary->guardians << " guardians, "
        << summary->children << " children, " << summary->badges << " badges\n";
    return kExitOk;
}

} // namespace badgeuse::portal
