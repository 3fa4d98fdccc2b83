// Enrollment: check, ask the portal, then write the token (temp file 0600, fsync, rename) and the site.
#include "badgeuse/app/kiosk_enroll.hpp"

#include "badgeuse/store/store.hpp"
#include "badgeuse/sync/enroll.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace badgeuse::app {
namespace {

Result<void> write_token(const std::filesystem::path& path, const std::string& token) {
    const std::filesystem::path temporary = path.string() + ".new";
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return make_error("cannot write the token file " + temporary.string() + ": " + std::strerror(errno));
    const std::string text = token + "\n";
    const bool written = ::fchmod(fd, 0600) == 0 &&
                         ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                         ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        return make_error("cannot write the token file " + temporary.string() + ": " + std::strerror(saved));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int failed = errno;
        ::unlink(temporary.c_str());
        return make_error("cannot put the token at " + path.string() + ": " + std::strerror(failed));
    }
    return {};
}

} // namespace

Result<Enrolled> enroll_kiosk(const EnrollCommand& command) {
    auto url = sync::parse_server_url(command.server);
    if (!url)
        return make_error("--server: " + url.error().message);
    if (command.code.empty())
        return make_error("--enroll: the code is empty; give the one `portal enroll` printed");
    std::error_code error;
    if (std::filesystem::exists(command.token_file, error) && command.overwrite == TokenOverwrite::Refuse)
        return make_error(command.token_file.string() +
                          " already holds a token: this kiosk is enrolled. Add --force to enroll it again "
                          "(the new token replaces the old one)");
    if (!command.ca.empty() && !std::filesystem::is_regular_file(command.ca, error))
        return make_error("--ca: " + command.ca.string() +
                          " is not a file; give the portal's CA certificate (PEM)");
    auto store = store::Store::open(command.database);
    if (!store)
        return store.error();

    sync::EnrollOptions options;
    options.server = *url;
    options.ca_file = command.ca;
    options.code = command.code;
    options.kiosk_name = command.kiosk_name;
    auto answer = sync::enroll(options);
    if (!answer)
        return make_error("enrollment failed: " + answer.error().message);

    BADGEUSE_CHECK(write_token(command.token_file, answer->token));
    Site site{answer->site, answer->site_name, ""};
    if (auto known = store->sites().get(site.id); known && *known)
        site.town = (*known)->town;
    BADGEUSE_CHECK(store->sites().upsert(site));
    return Enrolled{answer->site, answer->site_name};
}

} // namespace badgeuse::app
