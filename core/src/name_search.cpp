// Name folding: a table for the two-byte UTF-8 letters French names use, then word-prefix matching.
#include "badgeuse/core/name_search.hpp"

#include <cstdint>
#include <vector>

namespace badgeuse {
namespace {

// The folded form of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), or nullptr
// for a character with no plain-letter form (kept as is).
const char* fold_code_point(std::uint32_t cp) {
    static constexpr const char* kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  // C0-CF
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss", // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  // E0-EF
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",  // F0-FF
    };
    // Latin Extended-A, U+0100..U+017F, in pairs (capital, small) mostly: the base letter of each.
    static constexpr const char* kExtendedA[128] = {
        "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", // 100
        "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", // 110
        "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", // 120
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // 130
        "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // 140
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // 150
        "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", // 160
        "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", // 170
    };
    if (cp >= 0xC0 && cp <= 0xFF)
        return kLatin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F)
        return kExtendedA[cp - 0x100];
    return nullptr;
}

bool is_separator(char c) {
    return c == ' ' || c == '-' || c == '\'' || c == '\t' || c == '.';
}

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos)
            end = folded.size();
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

} // namespace

std::string fold_name(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        if (pending_space && !out.empty())
            out += ' ';
        pending_space = false;
        out += piece;
    };
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            char c = static_cast<char>(byte);
            if (is_separator(c)) {
                pending_space = true;
                continue;
            }
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            put(std::string_view(&c, 1));
            continue;
        }
        // A two-byte sequence (110xxxxx 10xxxxxx) covers U+0080..U+07FF, where every letter we fold is.
        if ((byte & 0xE0) == 0xC0 && i + 1 < utf8.size() &&
            (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            std::uint32_t cp = ((byte & 0x1FU) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3FU);
            if (const char* folded = fold_code_point(cp)) {
                put(folded);
                ++i;
                continue;
            }
            if (cp == 0xA0) { // a no-break space
                pending_space = true;
                ++i;
                continue;
            }
        }
        // U+2019 (’), the typographic apostrophe in "N’Diaye": a separator like "'".
        if (byte == 0xE2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
            static_cast<unsigned char>(utf8[i + 2]) == 0x99) {
            pending_space = true;
            i += 2;
            continue;
        }
        put(std::string_view(&utf8[i], 1));
    }
    return out;
}

bool name_matches(std::string_view name, std::string_view query) {
    auto wanted = words_of(fold_name(query));
    if (wanted.empty())
        return false;
    auto words = words_of(fold_name(name));
    for (const auto& w : wanted) {
        bool found = false;
        for (const auto& word : words)
            if (word.starts_with(w)) {
                found = true;
                break;
            }
        if (!found)
            return false;
    }
    return true;
}

} // namespace badgeuse
