// PortalFixture (see portal_fixture.hpp).
#include "portal_fixture.hpp"

#include "badgeuse/core/activity.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "test_pki.hpp"

#include <chrono>
#include <fstream>
#include <stdexcept>

namespace badgeuse::testing {
namespace {

template <typename T>
T must(Result<T> result, const std::string& what) {
    if (!result)
        throw std::runtime_error(what + ": " + result.error().message);
    return std::move(result).value();
}
void must(Result<void> result, const std::string& what) {
    if (!result)
        throw std::runtime_error(what + ": " + result.error().message);
}

// Far enough that a portal started with --clock-start in a later school year still takes the codes.
constexpr auto kCodeLifetime = std::chrono::hours(24 * 365 * 5);

} // namespace

PortalFixture::PortalFixture(std::filesystem::path dir, PortalFixtureOptions options)
    : m_dir(std::filesystem::absolute(dir)) // portal.toml's paths must not depend on the current folder
    , m_options(std::move(options))
    , m_config(m_dir / "portal.toml") {
    std::filesystem::create_directories(m_dir);
    std::ofstream toml(m_config);
    toml << "[server]\nrequests_per_minute = " << m_options.requests_per_minute << '\n';
    if (m_options.transport == Transport::Tls) {
        const TestPki pki = make_test_pki(m_dir / "pki");
        toml << "certificate = \"" << pki.server_certificate.string() << "\"\n"
             << "private_key = \"" << pki.server_key.string() << "\"\n";
    }
    toml << "\n[database]\nurl = \""
         << (m_options.database_url.empty() ? std::string("sqlite://portal.sqlite") : m_options.database_url)
         << "\"\n";
    toml.close();

    {
        const portal::PortalConfig config = portal::load_portal_config(m_config);
        auto store = must(portal::open_portal_store(config.database, portal::OpenMode::CreateIfMissing),
                          "opening the portal's database");
        m_site.name = "École Jules Ferry";
        m_site.site = must(store->add_site(Site{SiteId{}, m_site.name, "Laigneville"}), "adding the site");
        const std::int64_t first_family = must(store->next_id("family"), "family ids");
        std::vector<portal::Write> writes;
        for (int i = 0; i < m_options.children; ++i) {
            const FamilyId family{first_family + i};
            writes.push_back({protocol::ChangeKind::Upsert,
                              Family{family, m_site.site, "BLENFANCE-1-" + std::to_string(1000 + i),
                                     "Famille " + std::to_string(i)}});
            Child child;
            child.family = family;
            child.first_name = "Enfant";
            child.last_name = std::to_string(i);
            child.class_name = "CP-A";
            writes.push_back({protocol::ChangeKind::Upsert, child});
        }
        writes.push_back({protocol::ChangeKind::Upsert, canteen(ActivityId{})});
        for (const auto& record : must(store->commit(m_site.site, writes), "seeding the site")) {
            if (const auto* child = std::get_if<Child>(&record))
                m_site.children.push_back(child->id);
            if (const auto* activity = std::get_if<Activity>(&record))
                m_site.canteen = activity->id;
        }
        const auto now =
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        for (int i = 0; i < m_options.kiosk_codes; ++i) {
            const std::string code = must(portal::make_enrollment_code(), "making a code");
            must(store->add_enrollment_code(m_site.site, "kiosque " + std::to_string(i),
                                            portal::hash_secret(portal::normalise_code(code)),
                                            Instant(now.time_since_epoch()) + kCodeLifetime),
                 "adding a code");
            m_codes.push_back(code);
        }
        if (m_options.extra_seed)
            m_options.extra_seed(*store, m_site);
    }
    start();
}

void PortalFixture::start() {
    PortalProcessOptions process;
    process.executable = m_options.executable;
    process.config = m_config;
    process.transport = m_options.transport;
    process.clock_start = m_options.clock_start;
    process.log = m_dir / "portal-serve.log";
    m_process = std::make_unique<PortalProcess>(process);
}

void PortalFixture::restart() {
    m_process.reset();
    start();
}

std::optional<std::filesystem::path> PortalFixture::ca() const {
    if (m_options.transport == Transport::PlainInsecureDev)
        return std::nullopt;
    return m_dir / "pki" / "ca.pem";
}

std::string PortalFixture::enroll(const std::string& kiosk_name) {
    if (m_next_code >= m_codes.size())
        throw std::runtime_error("PortalFixture: no enrollment code left (raise kiosk_codes)");
    const HttpReply reply = client().post(
        "/v1/enroll", protocol::encode(protocol::EnrollRequest{m_codes[m_next_code++], kiosk_name}));
    if (reply.status != 200)
        throw std::runtime_error("enrollment failed (" + std::to_string(reply.status) + "): " + reply.body +
                                 reply.error + "\n" + m_process->log_tail());
    return must(protocol::decode_enroll_response(reply.body), "enroll response").token;
}

} // namespace badgeuse::testing
