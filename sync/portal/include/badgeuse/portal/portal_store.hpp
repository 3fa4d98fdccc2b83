// PortalStore: the portal's central database (sites, kiosks, enrollment codes, the families' data with
// its change log, events by UUID), behind an interface so that SQLite and PostgreSQL can both serve.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/core/public_holidays.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/database_url.hpp"
#include "badgeuse/protocol/messages.hpp"
#include "badgeuse/protocol/stored_page.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::portal {

// How long a code printed by `portal enroll` can be used.
inline constexpr std::chrono::hours kEnrollmentCodeLifetime{24};

struct KioskIdentity {
    std::int64_t id = 0;
    SiteId site;
    std::string name;
};

// One record to write: the store assigns the ids left at zero and logs the change.
struct Write {
    protocol::ChangeKind kind = protocol::ChangeKind::Upsert;
    protocol::ChangeData data;
};

// What `portal status` and /metrics show of a kiosk: when it last spoke to the portal and how many
// events it said were waiting in its outbox then (its X-Badgeuse-Outbox header).
struct KioskContact {
    KioskIdentity kiosk;
    std::string site_name;
    std::optional<Instant> last_contact; // empty: never since it enrolled
    std::int64_t events_waiting = 0;
};

// An event as the portal stored it: the kiosk's site and the portal's decision with it.
struct StoredEvent {
    SiteId site;
    protocol::Outcome outcome = protocol::Outcome::Accepted; // Accepted or Refused
    std::string reason;
    protocol::Event event;
};

enum class EnrollFailure { None, UnknownCode, UsedCode, ExpiredCode };

struct Enrollment {
    EnrollFailure failure = EnrollFailure::None;
    KioskIdentity kiosk; // set when failure is None
    std::string site_name;
};

class PortalStore {
public:
    virtual ~PortalStore() = default;

    virtual Result<SiteId> add_site(const Site& site) = 0;
    virtual Result<std::optional<Site>> find_site(std::string_view name) = 0;

    // Codes and tokens are stored as hashes only: a copy of the database gives no way into a kiosk.
    // `kiosk_name` is the admin's name for the kiosk the code is for ("préau", "cantine").
    virtual Result<void> add_enrollment_code(SiteId site, std::string_view kiosk_name,
                                             std::string_view code_hash, Instant expires_at) = 0;
    // Marks the code used and records the kiosk with its token hash, in one transaction. The kiosk
    // gets the code's name; `device_name` is what the kiosk calls itself, kept for the admin.
    virtual Result<Enrollment> enroll(std::string_view code_hash, std::string_view device_name,
                                      std::string_view token_hash, Instant now) = 0;
    virtual Result<std::optional<KioskIdentity>> kiosk_by_token(std::string_view token_hash) = 0;

    // Writes every record and its change in one server transaction; gives the records with their ids.
    virtual Result<std::vector<protocol::ChangeData>> commit(SiteId site,
                                                             const std::vector<Write>& writes) = 0;

    // The id the next record of that entity ("family", "guardian", "child", ...) would get, so that an
    // import can link children to families in one commit. Only the admin commands create those.
    virtual Result<std::int64_t> next_id(std::string_view entity) = 0;
    virtual Result<std::optional<FamilyId>> family_by_code(std::string_view subscriber_code) = 0;

    // The site's changes after the cursor, as stored: at most about `limit`, but never half a server
    // transaction. The pull answers with it as it is (protocol::encode(StoredPage)).
    virtual Result<protocol::StoredPage> stored_changes_after(SiteId site, std::int64_t after, int limit) = 0;
    // The same page with its records decoded, for those who read them (the tests, the admin's tools).
    Result<protocol::PullResponse> changes_after(SiteId site, std::int64_t after, int limit) {
        auto stored = stored_changes_after(site, after, limit);
        if (!stored)
            return stored.error();
        return protocol::decode_stored_page(*stored);
    }

    // Stores each event once by UUID and decides it (see event_rules.hpp), all in one transaction.
    // A repeated UUID is answered Duplicate with the original outcome.
    virtual Result<protocol::PushResponse> ingest(const KioskIdentity& kiosk,
                                                  const std::vector<protocol::Event>& events,
                                                  Instant received_at, HolidayRegion region) = 0;

    // The portal's current reservation state for a child, activity and day (Cancelled when none).
    virtual Result<protocol::ReservationState> reservation(ChildId child, ActivityId activity, Date day) = 0;
    virtual Result<std::int64_t> event_count() = 0;

    // ---- operations and the web-portal API (helper "server"; plain SQL, PostgreSQL implements them too)
    // Records a kiosk's request: the moment and the events its outbox held. Overwrites the last one.
    virtual Result<void> record_contact(std::int64_t kiosk, Instant at, std::int64_t events_waiting) = 0;
    // Every enrolled kiosk, by site name then kiosk name.
    virtual Result<std::vector<KioskContact>> kiosk_contacts() = 0;
    // Tokens of the town's web portal (`portal web-token --name NAME`), stored as hashes like kiosks'.
    virtual Result<void> add_web_token(std::string_view name, std::string_view token_hash,
                                       Instant created_at) = 0;
    // The web token's name, if the hash is one.
    virtual Result<std::optional<std::string>> web_token_name(std::string_view token_hash) = 0;
    // The site a child belongs to, if the portal knows the child.
    virtual Result<std::optional<SiteId>> site_of_child(ChildId child) = 0;
    // The portal's reservation records of one site, activity and day (booked and cancelled), by child.
    virtual Result<std::vector<protocol::ReservationRecord>> reservations_on(SiteId site, ActivityId activity,
                                                                             Date day) = 0;

    // ---- the admin's data commands: calendar, staff, PINs, exports (helper "admin"; plain SQL)
    // Every site, by name.
    virtual Result<std::vector<Site>> sites() = 0;
    // Every record of one entity ("closed_period", "staff", "child", "family", "activity", "absence",
    // "badge", "pin") on a site, by id (badges by UID); a zero site: every site's.
    virtual Result<std::vector<protocol::ChangeData>> records(std::string_view entity, SiteId site) = 0;
    virtual Result<std::optional<Family>> find_family(FamilyId family) = 0;
    virtual Result<std::optional<StaffMember>> find_staff(StaffId staff) = 0;
    // A badge by UID on any site: one card is one holder's wherever it was given.
    virtual Result<std::optional<Badge>> find_badge(std::string_view uid) = 0;
    virtual Result<std::optional<protocol::PinRecord>> find_pin(protocol::PinSubject subject,
                                                                std::int64_t id) = 0;
    // The stored attendance, booking and correction events whose day is from..to (inclusive), in the
    // order they were received; a zero site: every site's.
    virtual Result<std::vector<StoredEvent>> events_of_days(Date from, Date to, SiteId site) = 0;
    // The reservation records (booked and cancelled) of days from..to, every site's.
    virtual Result<std::vector<protocol::ReservationRecord>> reservations_between(Date from, Date to) = 0;
};

enum class OpenMode { CreateIfMissing, MustExist };

// Opens (and migrates) the SQLite database at `path`. A file from a newer incompatible schema is refused.
Result<std::unique_ptr<PortalStore>> open_sqlite_portal_store(const std::filesystem::path& path,
                                                              OpenMode mode);

// The schema version a new SQLite portal database is written with.
int sqlite_portal_schema_version();

// Opens (and migrates) the PostgreSQL database that `uri` (libpq's URI form) names; the database must
// exist, its schema is created in it (CreateIfMissing) or must already be there (MustExist). A newer
// incompatible schema is refused and left untouched.
Result<std::unique_ptr<PortalStore>> open_postgres_portal_store(const std::string& uri, OpenMode mode);
int postgres_portal_schema_version();

// The store that database.url names, SQLite or PostgreSQL.
Result<std::unique_ptr<PortalStore>> open_portal_store(const DatabaseUrl& url, OpenMode mode);
int portal_schema_version(const DatabaseUrl& url);

} // namespace badgeuse::portal
