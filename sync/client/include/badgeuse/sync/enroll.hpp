// Enrollment: a kiosk trades the one-time code `portal enroll` printed for its token (POST /v1/enroll).
// Blocking, for `kiosk --enroll`; the answer names the site the token belongs to.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"
#include "badgeuse/sync/server_url.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace badgeuse::sync {

struct EnrollOptions {
    ServerUrl server;
    std::filesystem::path ca_file; // empty: the system's CAs
    std::string code;
    std::string kiosk_name;
    std::chrono::milliseconds timeout{std::chrono::seconds{15}};
};

// A used, expired or unknown code, an unreachable portal and a certificate that does not verify all
// come back as errors saying which it was.
Result<protocol::EnrollResponse> enroll(const EnrollOptions& options);

} // namespace badgeuse::sync
