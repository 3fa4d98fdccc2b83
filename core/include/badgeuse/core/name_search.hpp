// Finding a person by name the way staff type it on the kiosk's letter keyboard: no accents, no case,
// any word's beginning ("lea" finds "Léa", "mar lea" finds "MARTIN Léa"). Pure, shared with the portal.
#pragma once

#include <string>
#include <string_view>

namespace badgeuse {

// Lower case without accents (Latin-1 and Latin Extended-A: "é"->"e", "œ"->"oe", "ß"->"ss"); hyphens,
// apostrophes and runs of spaces become one space; trimmed. Other characters are kept as they are.
std::string fold_name(std::string_view utf8);

// Whether each word of `query` begins some word of `name`, both folded. An empty query matches nothing.
bool name_matches(std::string_view name, std::string_view query);

} // namespace badgeuse
