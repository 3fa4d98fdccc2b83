// The pick-up rule: the family's guardians, then the child's authorised adults, matched by folded name.
#include "badgeuse/core/pick_up.hpp"

#include "badgeuse/core/name_search.hpp"

#include <algorithm>
#include <vector>

namespace badgeuse {
namespace {

// The folded words in order, so that "MARTIN Sophie" and "Sophie Martin" name the same person.
std::vector<std::string> sorted_words(std::string_view name) {
    std::vector<std::string> words;
    std::string folded = fold_name(name);
    std::size_t start = 0;
    while (start <= folded.size()) {
        auto end = std::min(folded.find(' ', start), folded.size());
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    std::sort(words.begin(), words.end());
    return words;
}

} // namespace

std::vector<PickUpAdult> pick_up_adults(const Child& child, std::span<const Guardian> guardians) {
    std::vector<PickUpAdult> adults;
    for (const auto& g : guardians)
        if (g.family == child.family)
            adults.push_back({g.first_name + " " + g.last_name, "parent", g.phone});
    for (const auto& a : child.authorised_adults)
        adults.push_back({a.name, a.relation, a.phone});
    return adults;
}

std::optional<PickUpAdult> authorised_pick_up(const Child& child, std::span<const Guardian> guardians,
                                              std::string_view name) {
    auto wanted = sorted_words(name);
    if (wanted.empty())
        return std::nullopt;
    for (auto& adult : pick_up_adults(child, guardians))
        if (sorted_words(adult.name) == wanted)
            return adult;
    return std::nullopt;
}

} // namespace badgeuse
