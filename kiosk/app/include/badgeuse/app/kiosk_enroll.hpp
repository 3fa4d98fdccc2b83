// `kiosk --enroll CODE --server URL [--ca FILE]`: trades the one-time code for the kiosk's token, writes
// the token file (mode 0600, never over an existing one unless forced) and stores the site.
#pragma once

#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"

#include <filesystem>
#include <string>

namespace badgeuse::app {

enum class TokenOverwrite { Refuse, Force };

struct EnrollCommand {
    std::string code;
    std::string server;
    std::filesystem::path ca; // empty: the system's CAs
    std::filesystem::path token_file;
    std::filesystem::path database; // the site is stored there
    std::string kiosk_name;         // how the portal lists this kiosk
    TokenOverwrite overwrite = TokenOverwrite::Refuse;
};

struct Enrolled {
    SiteId site;
    std::string site_name;
};

// Checks everything it can before spending the code (the URL, the token file, the database), so that a
// mistake there does not use up a code that works only once.
Result<Enrolled> enroll_kiosk(const EnrollCommand& command);

} // namespace badgeuse::app
