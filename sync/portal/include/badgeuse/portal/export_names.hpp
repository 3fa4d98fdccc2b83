// The names an export writes beside ids: sites, families, children, activities and staff, loaded once.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <map>
#include <string>

namespace badgeuse::portal {

struct ExportNames {
    std::map<std::int64_t, Site> sites;
    std::map<std::int64_t, Family> families;
    std::map<std::int64_t, Child> children;
    std::map<std::int64_t, Activity> activities;
    std::map<std::int64_t, StaffMember> staff;

    static Result<ExportNames> load(PortalStore& store);

    // "" for an id the portal does not know (an event for a child deleted since, say).
    std::string site_name(SiteId site) const;
    std::string child_name(ChildId child) const; // "Léa Martin", or "#12" when unknown
    std::string class_of(ChildId child) const;
    std::string activity_code(ActivityId activity) const; // "cantine"
    std::string staff_name(StaffId member) const;
    const Family* family_of(ChildId child) const;
};

} // namespace badgeuse::portal
