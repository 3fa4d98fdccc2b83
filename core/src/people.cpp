// Diet keys and labels, subscriber code shape.
#include "badgeuse/core/people.hpp"

namespace badgeuse {

bool is_valid_subscriber_code(std::string_view code) {
    constexpr std::string_view kPrefix = "BLENFANCE-";
    if (code.substr(0, kPrefix.size()) != kPrefix)
        return false;
    auto rest = code.substr(kPrefix.size());
    auto dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size())
        return false;
    for (std::size_t i = 0; i < rest.size(); ++i)
        if (i != dash && (rest[i] < '0' || rest[i] > '9'))
            return false;
    return true;
}

std::string_view diet_key(Diet diet) {
    switch (diet) {
    case Diet::Standard:
        return "standard";
    case Diet::NoPork:
        return "no_pork";
    case Diet::NoMeat:
        return "no_meat";
    case Diet::Vegetarian:
        return "vegetarian";
    }
    return "standard";
}

std::string_view diet_label_fr(Diet diet) {
    switch (diet) {
    case Diet::Standard:
        return "Standard";
    case Diet::NoPork:
        return "Sans porc";
    case Diet::NoMeat:
        return "Sans viande";
    case Diet::Vegetarian:
        return "Végétarien";
    }
    return "Standard";
}

Result<Diet> parse_diet_key(std::string_view key) {
    for (auto diet : kAllDiets)
        if (diet_key(diet) == key)
            return diet;
    return make_error("expected a diet among standard, no_pork, no_meat, vegetarian, got '" +
                      std::string(key) + "'");
}

} // namespace badgeuse
