// Loading the exports' names through PortalStore::records, every site at once.
#include "badgeuse/portal/export_names.hpp"

namespace badgeuse::portal {
namespace {

template <typename Record>
Result<std::map<std::int64_t, Record>> load_all(PortalStore& store, std::string_view entity) {
    std::map<std::int64_t, Record> by_id;
    for (const protocol::ChangeData& data : BADGEUSE_TRY(store.records(entity, SiteId{}))) {
        const Record& record = std::get<Record>(data);
        by_id.emplace(record.id.value, record);
    }
    return by_id;
}

} // namespace

Result<ExportNames> ExportNames::load(PortalStore& store) {
    ExportNames names;
    for (const Site& site : BADGEUSE_TRY(store.sites()))
        names.sites.emplace(site.id.value, site);
    names.families = BADGEUSE_TRY(load_all<Family>(store, "family"));
    names.children = BADGEUSE_TRY(load_all<Child>(store, "child"));
    names.activities = BADGEUSE_TRY(load_all<Activity>(store, "activity"));
    names.staff = BADGEUSE_TRY(load_all<StaffMember>(store, "staff"));
    return names;
}

std::string ExportNames::site_name(SiteId site) const {
    auto found = sites.find(site.value);
    return found == sites.end() ? std::string() : found->second.name;
}

std::string ExportNames::child_name(ChildId child) const {
    auto found = children.find(child.value);
    if (found == children.end())
        return "#" + std::to_string(child.value);
    return found->second.first_name + " " + found->second.last_name;
}

std::string ExportNames::class_of(ChildId child) const {
    auto found = children.find(child.value);
    return found == children.end() ? std::string() : found->second.class_name;
}

std::string ExportNames::activity_code(ActivityId activity) const {
    auto found = activities.find(activity.value);
    return found == activities.end() ? "#" + std::to_string(activity.value) : found->second.code;
}

std::string ExportNames::staff_name(StaffId member) const {
    if (!member)
        return {};
    auto found = staff.find(member.value);
    if (found == staff.end())
        return "#" + std::to_string(member.value);
    return found->second.first_name + " " + found->second.last_name;
}

const Family* ExportNames::family_of(ChildId child) const {
    auto found = children.find(child.value);
    if (found == children.end())
        return nullptr;
    auto family = families.find(found->second.family.value);
    return family == families.end() ? nullptr : &family->second;
}

} // namespace badgeuse::portal
