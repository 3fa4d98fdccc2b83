// The people the kiosk knows: sites, families and their guardians, children, staff.
// Plain aggregates: the rules that use them live in check_in, roster and booking files.
#pragma once

#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace badgeuse {

struct Site {
    SiteId id;
    std::string name; // "École Jules Ferry"
    std::string town; // "Laigneville"
};

struct Family {
    FamilyId id;
    SiteId site;
    std::string subscriber_code; // "BLENFANCE-12087-0042", printed on the town's letter
    std::string name;            // "Famille Martin"
};

// Checks the shape of a subscriber code: BLENFANCE-<digits>-<digits>.
bool is_valid_subscriber_code(std::string_view code);

struct Guardian {
    GuardianId id;
    FamilyId family;
    std::string first_name;
    std::string last_name;
    std::string phone;
};

// Meals the kitchen prepares; the kiosk counts them per service.
enum class Diet { Standard, NoPork, NoMeat, Vegetarian };
inline constexpr Diet kAllDiets[] = {Diet::Standard, Diet::NoPork, Diet::NoMeat, Diet::Vegetarian};
std::string_view diet_key(Diet diet);      // "standard", "no_pork", ...: files and database
std::string_view diet_label_fr(Diet diet); // "Sans porc"
Result<Diet> parse_diet_key(std::string_view key);

// An adult other than the guardians who may take the child home from evening care.
struct AuthorisedAdult {
    std::string name;
    std::string relation; // "grand-mère", "voisin"
    std::string phone;
    bool operator==(const AuthorisedAdult&) const = default;
};

struct Child {
    ChildId id;
    FamilyId family;
    std::string first_name;
    std::string last_name;
    std::string class_name; // "CP-A", "MS"
    Diet diet = Diet::Standard;
    bool allergy = false;
    bool pai = false; // Projet d'Accueil Individualisé: a medical protocol staff must know
    std::string health_note;
    std::vector<AuthorisedAdult> authorised_adults;

    bool needs_health_marker() const { return allergy || pai; }
};

struct StaffMember {
    StaffId id;
    SiteId site;
    std::string first_name;
    std::string last_name;
    std::string role; // "animatrice", "cuisine", "direction"
};

} // namespace badgeuse
