// The SQLite PortalStore. Records keep their protocol JSON in a payload column beside the columns the
// portal queries by (id, site, the reservation's key), and every write appends to change_log in the
// same transaction, numbered by a server transaction so that a pull page never splits one.
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/portal/event_rules.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/keys.hpp"
#include "sqlite.hpp"

#include <type_traits>

namespace badgeuse::portal {
namespace {

using namespace protocol;

// Version 1: the first schema; 2: staff members, PIN records and the latest PIN change per subject;
// 3: each kiosk's last contact and the web portal's tokens; 4: the change log indexed by transaction.
// Add a step to kMigrations with each new version; bump kCompatibleVersion only when an older portal
// could no longer work on the new file (Chromium's sql::MetaTable idea).
constexpr int kCompatibleVersion = 1;

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE sites(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, town TEXT NOT NULL);
CREATE TABLE kiosks(id INTEGER PRIMARY KEY, site INTEGER NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
                    device_name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, enrolled_at INTEGER NOT NULL);
CREATE TABLE enrollment_codes(code_hash TEXT PRIMARY KEY, site INTEGER NOT NULL REFERENCES sites(id),
                              kiosk_name TEXT NOT NULL,
                              expires_at INTEGER NOT NULL, used_at INTEGER, kiosk INTEGER REFERENCES kiosks(id));
CREATE TABLE families(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE guardians(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE children(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE badges(id TEXT PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE activities(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE closed_periods(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE absences(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE reservations(child INTEGER NOT NULL, activity INTEGER NOT NULL, day TEXT NOT NULL,
                          site INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY(child, activity, day));
CREATE TABLE booking_intents(child INTEGER NOT NULL, activity INTEGER NOT NULL, day TEXT NOT NULL,
                             made_at INTEGER NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY(child, activity, day));
CREATE TABLE server_transactions(id INTEGER PRIMARY KEY, site INTEGER NOT NULL);
CREATE TABLE change_log(seq INTEGER PRIMARY KEY AUTOINCREMENT, txn INTEGER NOT NULL, site INTEGER NOT NULL,
                        kind TEXT NOT NULL, entity TEXT NOT NULL, payload TEXT NOT NULL);
CREATE INDEX change_log_by_site ON change_log(site, seq);
CREATE TABLE events(id TEXT PRIMARY KEY, site INTEGER NOT NULL, kiosk INTEGER NOT NULL, type TEXT NOT NULL,
                    payload TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,
                    received_at INTEGER NOT NULL);
)sql";

constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE staff(id INTEGER PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE pins(id TEXT PRIMARY KEY, site INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE TABLE pin_changes(subject TEXT PRIMARY KEY, made_at INTEGER NOT NULL, event_id TEXT NOT NULL);
)sql";

// Plain SQL, the same on PostgreSQL: a row per kiosk once it has spoken, and the web tokens' hashes.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE kiosk_contacts(kiosk INTEGER PRIMARY KEY REFERENCES kiosks(id), last_contact INTEGER NOT NULL,
                            events_waiting INTEGER NOT NULL);
CREATE TABLE web_tokens(token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
)sql";

// A pull page finishes the server transaction it ends in: without this index, finding the rest of that
// transaction scanned the site's whole remaining log, so a first full pull was quadratic in its length.
constexpr std::string_view kSchemaV4 = R"sql(
CREATE INDEX change_log_by_txn ON change_log(txn, seq);
)sql";

// kMigrations[i] takes a database from schema version i to i + 1 (version 0: an empty file).
constexpr std::string_view kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

std::int64_t millis(Instant at) {
    return at.time_since_epoch().count();
}

// The table of each kind of record, in ChangeData's order; reservations have their own columns.
constexpr std::string_view kTables[] = {"families",       "guardians",    "children", "badges", "activities",
                                        "closed_periods", "reservations", "absences", "staff",  "pins"};
static_assert(std::size(kTables) == std::variant_size_v<ChangeData>);

constexpr std::pair<std::string_view, std::string_view> kEntityTables[] = {
    {"family", "families"},     {"guardian", "guardians"},           {"child", "children"},
    {"activity", "activities"}, {"closed_period", "closed_periods"}, {"absence", "absences"},
    {"staff", "staff"}};

// The record's key as SQLite holds it: an integer id, or a badge's UID.
struct RecordKey {
    std::int64_t id = 0;
    std::string uid;
};

// A PIN record's key: its subject and id, "family:12" or "staff:3".
std::string pin_key(PinSubject subject, std::int64_t id) {
    return std::string(pin_subject_key(subject)) + ":" + std::to_string(id);
}

RecordKey key_of(const ChangeData& data) {
    return std::visit(
        [](const auto& record) -> RecordKey {
            using T = std::decay_t<decltype(record)>;
            if constexpr (std::is_same_v<T, Badge>)
                return {0, record.uid};
            else if constexpr (std::is_same_v<T, PinRecord>)
                return {0, pin_key(record.subject, record.id)};
            else if constexpr (std::is_same_v<T, ClosedPeriodRecord>)
                return {record.id, {}};
            else if constexpr (std::is_same_v<T, ReservationRecord>)
                return {0, {}};
            else
                return {record.id.value, {}};
        },
        data);
}

void set_id(ChangeData& data, std::int64_t id) {
    std::visit(
        [id](auto& record) {
            using T = std::decay_t<decltype(record)>;
            if constexpr (std::is_same_v<T, ClosedPeriodRecord>)
                record.id = id;
            else if constexpr (std::is_same_v<T, PinRecord>)
                (void)record; // keyed by its subject, which the caller always sets
            else if constexpr (!std::is_same_v<T, Badge> && !std::is_same_v<T, ReservationRecord>)
                record.id.value = id;
        },
        data);
}

class SqlitePortalStore final : public PortalStore {
public:
    explicit SqlitePortalStore(sqlite::Connection connection)
        : m_db(std::move(connection)) {}

    Result<void> migrate() {
        auto probe = BADGEUSE_TRY(m_db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'meta'"));
        (void)BADGEUSE_TRY(probe.step());
        if (probe.int64(0) == 0) {
            auto other = BADGEUSE_TRY(m_db.prepare("SELECT count(*) FROM sqlite_master"));
            (void)BADGEUSE_TRY(other.step());
            if (other.int64(0) != 0)
                return make_error(m_db.path().string() + " holds tables but is not a portal database; "
                                                         "point database.url at another file");
            return upgrade_from(0);
        }
        auto read = BADGEUSE_TRY(m_db.prepare("SELECT (SELECT value FROM meta WHERE key = 'version'), "
                                              "(SELECT value FROM meta WHERE key = 'compatible_version')"));
        (void)BADGEUSE_TRY(read.step());
        const std::int64_t version = read.int64(0);
        const std::int64_t compatible = read.int64(1);
        if (compatible > kSchemaVersion)
            return make_error(m_db.path().string() + " was written by a newer portal (schema " +
                              std::to_string(version) + ", needs at least " + std::to_string(compatible) +
                              "); this portal knows schema " + std::to_string(kSchemaVersion) +
                              ": upgrade the portal, the file was left untouched");
        return upgrade_from(version);
    }

    // Runs each missing step in its own transaction with the version it reaches, so that an upgrade
    // cut short leaves a file at a known version.
    Result<void> upgrade_from(std::int64_t version) {
        for (std::int64_t step = version; step < kSchemaVersion; ++step) {
            auto transaction = BADGEUSE_TRY(sqlite::Transaction::begin(m_db));
            BADGEUSE_CHECK(m_db.execute(kMigrations[step]));
            auto stamp = BADGEUSE_TRY(m_db.prepare(
                "INSERT INTO meta(key, value) VALUES ('version', ?1), ('compatible_version', ?2) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            (void)BADGEUSE_TRY(stamp.bind(1, step + 1).bind(2, std::int64_t{kCompatibleVersion}).run());
            BADGEUSE_CHECK(transaction.commit());
        }
        return {};
    }

    Result<SiteId> add_site(const Site& site) override {
        auto insert = BADGEUSE_TRY(m_db.prepare("INSERT INTO sites(name, town) VALUES (?1, ?2)"));
        auto written = insert.bind(1, site.name).bind(2, site.town).run();
        if (!written)
            return make_error("cannot add site \"" + site.name + "\": " + written.error().message);
        return SiteId{m_db.last_insert_id()};
    }

    Result<std::optional<Site>> find_site(std::string_view name) override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT id, name, town FROM sites WHERE name = ?1"));
        select.bind(1, name);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<Site>{};
        return std::optional<Site>{Site{SiteId{select.int64(0)}, select.text(1), select.text(2)}};
    }

    Result<void> add_enrollment_code(SiteId site, std::string_view kiosk_name, std::string_view code_hash,
                                     Instant expires_at) override {
        auto insert = BADGEUSE_TRY(m_db.prepare(
            "INSERT INTO enrollment_codes(code_hash, site, kiosk_name, expires_at) VALUES (?1, ?2, ?3, ?4)"));
        (void)BADGEUSE_TRY(insert.bind(1, code_hash)
                               .bind(2, site.value)
                               .bind(3, kiosk_name)
                               .bind(4, millis(expires_at))
                               .run());
        return {};
    }

    Result<Enrollment> enroll(std::string_view code_hash, std::string_view device_name,
                              std::string_view token_hash, Instant now) override {
        auto transaction = BADGEUSE_TRY(sqlite::Transaction::begin(m_db));
        auto select = BADGEUSE_TRY(m_db.prepare(
            "SELECT c.site, c.expires_at, c.used_at, s.name, c.kiosk_name FROM enrollment_codes c "
            "JOIN sites s ON s.id = c.site WHERE c.code_hash = ?1"));
        select.bind(1, code_hash);
        Enrollment enrollment;
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done) {
            enrollment.failure = EnrollFailure::UnknownCode;
            return enrollment;
        }
        if (!select.is_null(2)) {
            enrollment.failure = EnrollFailure::UsedCode;
            return enrollment;
        }
        if (millis(now) >= select.int64(1)) {
            enrollment.failure = EnrollFailure::ExpiredCode;
            return enrollment;
        }
        enrollment.kiosk.site = SiteId{select.int64(0)};
        enrollment.kiosk.name = select.text(4);
        enrollment.site_name = select.text(3);
        auto insert = BADGEUSE_TRY(m_db.prepare("INSERT INTO kiosks(site, name, device_name, token_hash, "
                                                "enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
        (void)BADGEUSE_TRY(insert.bind(1, enrollment.kiosk.site.value)
                               .bind(2, enrollment.kiosk.name)
                               .bind(3, device_name)
                               .bind(4, token_hash)
                               .bind(5, millis(now))
                               .run());
        enrollment.kiosk.id = m_db.last_insert_id();
        auto use = BADGEUSE_TRY(
            m_db.prepare("UPDATE enrollment_codes SET used_at = ?2, kiosk = ?3 WHERE code_hash = ?1"));
        (void)BADGEUSE_TRY(use.bind(1, code_hash).bind(2, millis(now)).bind(3, enrollment.kiosk.id).run());
        BADGEUSE_CHECK(transaction.commit());
        return enrollment;
    }

    Result<std::optional<KioskIdentity>> kiosk_by_token(std::string_view token_hash) override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT id, site, name FROM kiosks WHERE token_hash = ?1"));
        select.bind(1, token_hash);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<KioskIdentity>{};
        return std::optional<KioskIdentity>{
            KioskIdentity{select.int64(0), SiteId{select.int64(1)}, select.text(2)}};
    }

    Result<std::vector<ChangeData>> commit(SiteId site, const std::vector<Write>& writes) override {
        auto transaction = BADGEUSE_TRY(sqlite::Transaction::begin(m_db));
        const std::int64_t txn = BADGEUSE_TRY(begin_server_transaction(site));
        std::vector<ChangeData> written;
        for (const Write& write : writes)
            written.push_back(BADGEUSE_TRY(write_record(site, txn, write.kind, write.data)));
        BADGEUSE_CHECK(transaction.commit());
        return written;
    }

    Result<std::int64_t> next_id(std::string_view entity) override {
        for (std::size_t i = 0; i < std::size(kEntityTables); ++i) {
            if (kEntityTables[i].first != entity)
                continue;
            auto next = BADGEUSE_TRY(
                m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(kEntityTables[i].second)));
            (void)BADGEUSE_TRY(next.step());
            return next.int64(0);
        }
        return make_error("no numbered records of kind \"" + std::string(entity) + "\"");
    }

    Result<std::optional<FamilyId>> family_by_code(std::string_view subscriber_code) override {
        auto select = BADGEUSE_TRY(
            m_db.prepare("SELECT id FROM families WHERE json_extract(payload, '$.subscriber_code') = ?1"));
        select.bind(1, subscriber_code);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<FamilyId>{};
        return std::optional<FamilyId>{FamilyId{select.int64(0)}};
    }

    Result<StoredPage> stored_changes_after(SiteId site, std::int64_t after, int limit) override {
        StoredPage page;
        page.cursor = after;
        std::int64_t last_txn = 0;
        {
            auto select = BADGEUSE_TRY(m_db.prepare("SELECT seq, txn, kind, entity, payload FROM change_log "
                                                    "WHERE site = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"));
            select.bind(1, site.value).bind(2, after).bind(3, std::int64_t{limit});
            while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready) {
                page.changes.push_back(BADGEUSE_TRY(read_stored_change(select)));
                last_txn = select.int64(1);
            }
        }
        if (page.changes.empty())
            return page;
        // Finish the last server transaction of the page, even past the limit: a kiosk that applied
        // half of one would show a state the portal never had.
        {
            // By transaction alone (a server transaction belongs to one site), so that change_log_by_txn
            // is the only index that fits.
            auto rest = BADGEUSE_TRY(m_db.prepare("SELECT seq, txn, kind, entity, payload FROM change_log "
                                                  "WHERE txn = ?1 AND seq > ?2 ORDER BY seq"));
            rest.bind(1, last_txn).bind(2, page.changes.back().seq);
            while (BADGEUSE_TRY(rest.step()) == sqlite::Row::Ready)
                page.changes.push_back(BADGEUSE_TRY(read_stored_change(rest)));
        }
        page.cursor = page.changes.back().seq;
        auto more = BADGEUSE_TRY(
            m_db.prepare("SELECT EXISTS(SELECT 1 FROM change_log WHERE site = ?1 AND seq > ?2)"));
        more.bind(1, site.value).bind(2, page.cursor);
        (void)BADGEUSE_TRY(more.step());
        page.more = more.int64(0) != 0 ? MorePages::Yes : MorePages::No;
        return page;
    }

    Result<PushResponse> ingest(const KioskIdentity& kiosk, const std::vector<Event>& events,
                                Instant received_at, HolidayRegion region) override {
        auto transaction = BADGEUSE_TRY(sqlite::Transaction::begin(m_db));
        const std::int64_t txn = BADGEUSE_TRY(begin_server_transaction(kiosk.site));
        const Calendar calendar = BADGEUSE_TRY(site_calendar(kiosk.site, region));
        Decisions decisions(*this, txn);
        PushResponse response;
        for (const Event& event : events) {
            EventResult result;
            result.event = event_id(event);
            auto known =
                BADGEUSE_TRY(m_db.prepare("SELECT outcome, reason, message FROM events WHERE id = ?1"));
            known.bind(1, result.event.to_string());
            if (BADGEUSE_TRY(known.step()) == sqlite::Row::Ready) {
                result.outcome = Outcome::Duplicate;
                result.original = BADGEUSE_TRY(parse_outcome_key(known.text(0)));
                result.reason = known.text(1);
                result.message = known.text(2);
                response.results.push_back(std::move(result));
                continue;
            }
            const Decision decision = BADGEUSE_TRY(decide_event(decisions, kiosk.site, event, calendar));
            auto insert = BADGEUSE_TRY(
                m_db.prepare("INSERT INTO events(id, site, kiosk, type, payload, outcome, "
                             "reason, message, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
            insert.bind(1, result.event.to_string())
                .bind(2, kiosk.site.value)
                .bind(3, kiosk.id)
                .bind(4, kEventTypes[event.index()])
                .bind(5, encode_event(event))
                .bind(6, outcome_key(decision.outcome))
                .bind(7, decision.reason)
                .bind(8, decision.message)
                .bind(9, millis(received_at));
            (void)BADGEUSE_TRY(insert.run());
            result.outcome = decision.outcome;
            result.reason = decision.reason;
            result.message = decision.message;
            response.results.push_back(std::move(result));
        }
        BADGEUSE_CHECK(transaction.commit());
        return response;
    }

    Result<ReservationState> reservation(ChildId child, ActivityId activity, Date day) override {
        auto select = BADGEUSE_TRY(
            m_db.prepare("SELECT state FROM reservations WHERE child = ?1 AND activity = ?2 AND day = ?3"));
        select.bind(1, child.value).bind(2, activity.value).bind(3, format_date(day));
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return ReservationState::Cancelled;
        return parse_reservation_state_key(select.text(0));
    }

    Result<std::int64_t> event_count() override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT count(*) FROM events"));
        (void)BADGEUSE_TRY(select.step());
        return select.int64(0);
    }

    // Written on every kiosk request, so without its own fsync: a last contact is a hint for the
    // admin, and losing the latest ones to a power cut is harmless (WAL with synchronous=NORMAL stays
    // consistent, and the next FULL commit makes them durable too), while an fsync per pull is not.
    Result<void> record_contact(std::int64_t kiosk, Instant at, std::int64_t events_waiting) override {
        BADGEUSE_CHECK(m_db.execute("PRAGMA synchronous=NORMAL"));
        auto upsert = m_db.prepare(
            "INSERT INTO kiosk_contacts(kiosk, last_contact, events_waiting) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(kiosk) DO UPDATE SET last_contact = excluded.last_contact, "
            "events_waiting = excluded.events_waiting");
        Result<int> written = upsert
                                  ? upsert->bind(1, kiosk).bind(2, millis(at)).bind(3, events_waiting).run()
                                  : Result<int>(upsert.error());
        // Back to FULL whatever happened: every other write must be durable before it is answered.
        BADGEUSE_CHECK(m_db.execute("PRAGMA synchronous=FULL"));
        if (!written)
            return written.error();
        return {};
    }

    Result<std::vector<KioskContact>> kiosk_contacts() override {
        auto select = BADGEUSE_TRY(
            m_db.prepare("SELECT k.id, k.site, k.name, s.name, c.last_contact, c.events_waiting "
                         "FROM kiosks k JOIN sites s ON s.id = k.site "
                         "LEFT JOIN kiosk_contacts c ON c.kiosk = k.id ORDER BY s.name, k.name, k.id"));
        std::vector<KioskContact> contacts;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready) {
            KioskContact contact{
                {select.int64(0), SiteId{select.int64(1)}, select.text(2)}, select.text(3), {}, 0};
            if (!select.is_null(4)) {
                contact.last_contact = Instant{std::chrono::milliseconds{select.int64(4)}};
                contact.events_waiting = select.int64(5);
            }
            contacts.push_back(std::move(contact));
        }
        return contacts;
    }

    Result<void> add_web_token(std::string_view name, std::string_view token_hash,
                               Instant created_at) override {
        auto insert = BADGEUSE_TRY(
            m_db.prepare("INSERT INTO web_tokens(token_hash, name, created_at) VALUES (?1, ?2, ?3)"));
        (void)BADGEUSE_TRY(insert.bind(1, token_hash).bind(2, name).bind(3, millis(created_at)).run());
        return {};
    }

    Result<std::optional<std::string>> web_token_name(std::string_view token_hash) override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT name FROM web_tokens WHERE token_hash = ?1"));
        select.bind(1, token_hash);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<std::string>{};
        return std::optional<std::string>{select.text(0)};
    }

    Result<std::optional<SiteId>> site_of_child(ChildId child) override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT site FROM children WHERE id = ?1"));
        select.bind(1, child.value);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<SiteId>{};
        return std::optional<SiteId>{SiteId{select.int64(0)}};
    }

    Result<std::vector<ReservationRecord>> reservations_on(SiteId site, ActivityId activity,
                                                           Date day) override {
        auto select =
            BADGEUSE_TRY(m_db.prepare("SELECT child, state FROM reservations "
                                      "WHERE site = ?1 AND activity = ?2 AND day = ?3 ORDER BY child"));
        select.bind(1, site.value).bind(2, activity.value).bind(3, format_date(day));
        std::vector<ReservationRecord> records;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready)
            records.push_back(ReservationRecord{{ChildId{select.int64(0)}, activity, day},
                                                BADGEUSE_TRY(parse_reservation_state_key(select.text(1)))});
        return records;
    }

    Result<std::vector<Site>> sites() override {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT id, name, town FROM sites ORDER BY name"));
        std::vector<Site> all;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready)
            all.push_back(Site{SiteId{select.int64(0)}, select.text(1), select.text(2)});
        return all;
    }

    Result<std::vector<ChangeData>> records(std::string_view entity, SiteId site) override {
        const std::string_view* table = nullptr;
        for (const auto& [key, name] : kRecordTables)
            if (key == entity)
                table = &name;
        if (!table)
            return make_error("no records of kind \"" + std::string(entity) + "\"");
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT payload FROM " + std::string(*table) +
                                                " WHERE ?1 = 0 OR site = ?1 ORDER BY id"));
        select.bind(1, site.value);
        std::vector<ChangeData> all;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready)
            all.push_back(BADGEUSE_TRY(decode_change_data(entity, select.text(0))));
        return all;
    }

    Result<std::optional<Family>> find_family(FamilyId family) override {
        return find_by_key<Family>("families", std::to_string(family.value), family.value);
    }

    Result<std::optional<StaffMember>> find_staff(StaffId staff) override {
        return find_by_key<StaffMember>("staff", std::to_string(staff.value), staff.value);
    }

    Result<std::optional<Badge>> find_badge(std::string_view uid) override { return badge_by_uid(uid); }

    Result<std::optional<PinRecord>> find_pin(PinSubject subject, std::int64_t id) override {
        return find_by_key<PinRecord>("pins", pin_key(subject, id), 0);
    }

    Result<std::vector<StoredEvent>> events_of_days(Date from, Date to, SiteId site) override {
        auto select = BADGEUSE_TRY(m_db.prepare(
            "SELECT site, outcome, reason, payload FROM events "
            "WHERE type IN ('attendance', 'booking', 'correction') AND json_extract(payload, '$.day') >= ?1 "
            "AND json_extract(payload, '$.day') <= ?2 AND (?3 = 0 OR site = ?3) ORDER BY received_at, "
            "rowid"));
        select.bind(1, format_date(from)).bind(2, format_date(to)).bind(3, site.value);
        std::vector<StoredEvent> all;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready) {
            StoredEvent stored;
            stored.site = SiteId{select.int64(0)};
            stored.outcome = BADGEUSE_TRY(parse_outcome_key(select.text(1)));
            stored.reason = select.text(2);
            stored.event = BADGEUSE_TRY(decode_event(select.text(3)));
            all.push_back(std::move(stored));
        }
        return all;
    }

    Result<std::vector<ReservationRecord>> reservations_between(Date from, Date to) override {
        auto select =
            BADGEUSE_TRY(m_db.prepare("SELECT child, activity, day, state FROM reservations "
                                      "WHERE day >= ?1 AND day <= ?2 ORDER BY day, child, activity"));
        select.bind(1, format_date(from)).bind(2, format_date(to));
        std::vector<ReservationRecord> all;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready) {
            ReservationRecord record;
            record.reservation.child = ChildId{select.int64(0)};
            record.reservation.activity = ActivityId{select.int64(1)};
            auto day = parse_date(select.text(2));
            if (!day)
                return make_error("reservations in " + m_db.path().string() + " hold a bad day \"" +
                                  select.text(2) + "\"");
            record.reservation.day = *day;
            record.state = BADGEUSE_TRY(parse_reservation_state_key(select.text(3)));
            all.push_back(record);
        }
        return all;
    }

private:
    // The table of each entity that records() lists.
    static constexpr std::pair<std::string_view, std::string_view> kRecordTables[] = {
        {"family", "families"},  {"guardian", "guardians"},  {"child", "children"},
        {"badge", "badges"},     {"activity", "activities"}, {"closed_period", "closed_periods"},
        {"absence", "absences"}, {"staff", "staff"},         {"pin", "pins"}};

    // One record by its key, text (a UID, a PIN's subject) or integer (when `id` is not zero).
    template <typename Record>
    Result<std::optional<Record>> find_by_key(std::string_view table, const std::string& text_key,
                                              std::int64_t id) {
        auto select =
            BADGEUSE_TRY(m_db.prepare("SELECT payload FROM " + std::string(table) + " WHERE id = ?1"));
        if (id != 0)
            select.bind(1, id);
        else
            select.bind(1, text_key);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<Record>{};
        ChangeData data = BADGEUSE_TRY(decode_change_data(entity_key(ChangeData{Record{}}), select.text(0)));
        return std::optional<Record>{std::get<Record>(std::move(data))};
    }

    static constexpr std::string_view kEventTypes[] = {"attendance", "booking",        "absence",
                                                       "correction", "badge_assigned", "pin_changed"};
    static_assert(std::size(kEventTypes) == std::variant_size_v<Event>);

    Result<std::int64_t> begin_server_transaction(SiteId site) {
        auto insert = BADGEUSE_TRY(m_db.prepare("INSERT INTO server_transactions(site) VALUES (?1)"));
        (void)BADGEUSE_TRY(insert.bind(1, site.value).run());
        return m_db.last_insert_id();
    }

    // As stored: the record's JSON goes to the kiosk as it is (stored_page.hpp).
    static Result<StoredChange> read_stored_change(const sqlite::Statement& row) {
        StoredChange change;
        change.seq = row.int64(0);
        change.kind = BADGEUSE_TRY(parse_change_kind_key(row.text(2)));
        change.entity = row.text(3);
        change.data = row.text(4);
        return change;
    }

    // The site a record of this table belongs to, if the record exists.
    Result<std::optional<std::int64_t>> site_of(std::string_view table, const RecordKey& key) {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT site FROM " + std::string(table) + " WHERE id = ?1"));
        if (key.uid.empty())
            select.bind(1, key.id);
        else
            select.bind(1, key.uid);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>{select.int64(0)};
    }

    Result<ChangeData> write_record(SiteId site, std::int64_t txn, ChangeKind kind, ChangeData data) {
        const std::string_view table = kTables[data.index()];
        if (const auto* record = std::get_if<ReservationRecord>(&data)) {
            BADGEUSE_CHECK(write_reservation(site, *record));
        } else {
            RecordKey key = key_of(data);
            if (key.uid.empty() && key.id == 0) {
                if (kind == ChangeKind::Delete)
                    return make_error("cannot delete a " + std::string(entity_key(data)) + " without its id");
                auto next =
                    BADGEUSE_TRY(m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(table)));
                (void)BADGEUSE_TRY(next.step());
                key.id = next.int64(0);
                set_id(data, key.id);
            }
            const auto owner = BADGEUSE_TRY(site_of(table, key));
            if (owner && *owner != site.value)
                return make_error("the " + std::string(entity_key(data)) + " " +
                                  (key.uid.empty() ? std::to_string(key.id) : key.uid) +
                                  " belongs to another site");
            if (kind == ChangeKind::Delete) {
                auto remove =
                    BADGEUSE_TRY(m_db.prepare("DELETE FROM " + std::string(table) + " WHERE id = ?1"));
                if (key.uid.empty())
                    remove.bind(1, key.id);
                else
                    remove.bind(1, key.uid);
                (void)BADGEUSE_TRY(remove.run());
            } else {
                auto upsert =
                    BADGEUSE_TRY(m_db.prepare("INSERT INTO " + std::string(table) +
                                              "(id, site, payload) VALUES (?1, ?2, ?3) "
                                              "ON CONFLICT(id) DO UPDATE SET payload = excluded.payload"));
                if (key.uid.empty())
                    upsert.bind(1, key.id);
                else
                    upsert.bind(1, key.uid);
                (void)BADGEUSE_TRY(upsert.bind(2, site.value).bind(3, encode_change_data(data)).run());
            }
        }
        auto log = BADGEUSE_TRY(m_db.prepare(
            "INSERT INTO change_log(txn, site, kind, entity, payload) VALUES (?1, ?2, ?3, ?4, ?5)"));
        (void)BADGEUSE_TRY(log.bind(1, txn)
                               .bind(2, site.value)
                               .bind(3, change_kind_key(kind))
                               .bind(4, entity_key(data))
                               .bind(5, encode_change_data(data))
                               .run());
        return data;
    }

    Result<void> write_reservation(SiteId site, const ReservationRecord& record) {
        auto upsert = BADGEUSE_TRY(m_db.prepare(
            "INSERT INTO reservations(child, activity, day, site, state) VALUES (?1, ?2, ?3, ?4, ?5) "
            "ON CONFLICT(child, activity, day) DO UPDATE SET state = excluded.state"));
        (void)BADGEUSE_TRY(upsert.bind(1, record.reservation.child.value)
                               .bind(2, record.reservation.activity.value)
                               .bind(3, format_date(record.reservation.day))
                               .bind(4, site.value)
                               .bind(5, reservation_state_key(record.state))
                               .run());
        return {};
    }

    // The record of this table with that id, decoded, if the site owns it.
    template <typename Record>
    Result<std::optional<Record>> load(std::string_view table, SiteId site, std::int64_t id) {
        auto select = BADGEUSE_TRY(
            m_db.prepare("SELECT payload FROM " + std::string(table) + " WHERE id = ?1 AND site = ?2"));
        select.bind(1, id).bind(2, site.value);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<Record>{};
        const std::string payload = select.text(0);
        ChangeData data = BADGEUSE_TRY(decode_change_data(entity_key(ChangeData{Record{}}), payload));
        return std::optional<Record>{std::get<Record>(std::move(data))};
    }

    Result<Calendar> site_calendar(SiteId site, HolidayRegion region) {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT payload FROM closed_periods WHERE site = ?1"));
        select.bind(1, site.value);
        std::vector<ClosedPeriod> periods;
        while (BADGEUSE_TRY(select.step()) == sqlite::Row::Ready) {
            ChangeData data = BADGEUSE_TRY(decode_change_data("closed_period", select.text(0)));
            periods.push_back(std::get<ClosedPeriodRecord>(data).period);
        }
        return Calendar(std::move(periods), region);
    }

    // The rules' questions (event_rules.hpp), answered inside the ingest's transaction `txn`.
    class Decisions final : public DecisionStore {
    public:
        Decisions(SqlitePortalStore& store, std::int64_t txn)
            : m_store(&store)
            , m_txn(txn) {}

        Result<bool> child_exists(SiteId site, ChildId child) override {
            return BADGEUSE_TRY(m_store->load<Child>("children", site, child.value)).has_value();
        }
        Result<bool> pin_subject_exists(SiteId site, PinSubject subject, std::int64_t id) override {
            if (subject == PinSubject::Family)
                return BADGEUSE_TRY(m_store->load<Family>("families", site, id)).has_value();
            return BADGEUSE_TRY(m_store->load<StaffMember>("staff", site, id)).has_value();
        }
        Result<std::optional<Activity>> find_activity(SiteId site, ActivityId activity) override {
            return m_store->load<Activity>("activities", site, activity.value);
        }
        Result<std::optional<Badge>> find_badge(std::string_view uid) override {
            return m_store->badge_by_uid(uid);
        }
        Result<std::optional<PinRecord>> find_pin_record(PinSubject subject, std::int64_t id) override {
            return m_store->find_pin(subject, id);
        }
        Result<std::optional<AppliedChange>> applied_intent(const BookingIntent& intent) override {
            auto select =
                BADGEUSE_TRY(m_store->m_db.prepare("SELECT made_at, event_id FROM booking_intents WHERE "
                                                   "child = ?1 AND activity = ?2 AND day = ?3"));
            select.bind(1, intent.child.value)
                .bind(2, intent.activity.value)
                .bind(3, format_date(intent.day));
            return applied(select);
        }
        Result<void> save_applied_intent(const BookingIntent& intent) override {
            auto upsert = BADGEUSE_TRY(m_store->m_db.prepare(
                "INSERT INTO booking_intents(child, activity, day, made_at, event_id) VALUES (?1, ?2, ?3, "
                "?4, "
                "?5) ON CONFLICT(child, activity, day) DO UPDATE SET made_at = excluded.made_at, event_id = "
                "excluded.event_id"));
            (void)BADGEUSE_TRY(upsert.bind(1, intent.child.value)
                                   .bind(2, intent.activity.value)
                                   .bind(3, format_date(intent.day))
                                   .bind(4, millis(intent.made_at))
                                   .bind(5, intent.id.to_string())
                                   .run());
            return {};
        }
        Result<std::optional<AppliedChange>> applied_pin_change(const PinChanged& change) override {
            auto select = BADGEUSE_TRY(
                m_store->m_db.prepare("SELECT made_at, event_id FROM pin_changes WHERE subject = ?1"));
            select.bind(1, pin_key(change.subject, change.subject_id));
            return applied(select);
        }
        Result<void> save_applied_pin_change(const PinChanged& change) override {
            auto upsert = BADGEUSE_TRY(m_store->m_db.prepare(
                "INSERT INTO pin_changes(subject, made_at, event_id) VALUES (?1, ?2, ?3) "
                "ON CONFLICT(subject) DO UPDATE SET made_at = excluded.made_at, event_id = "
                "excluded.event_id"));
            (void)BADGEUSE_TRY(upsert.bind(1, pin_key(change.subject, change.subject_id))
                                   .bind(2, millis(change.made_at))
                                   .bind(3, change.id.to_string())
                                   .run());
            return {};
        }
        Result<ReservationState> reservation_state(ChildId child, ActivityId activity, Date day) override {
            return m_store->reservation(child, activity, day);
        }
        Result<void> write(SiteId site, ChangeData record) override {
            (void)BADGEUSE_TRY(m_store->write_record(site, m_txn, ChangeKind::Upsert, std::move(record)));
            return {};
        }

    private:
        // (made_at, event_id) of the row the statement finds, if any.
        static Result<std::optional<AppliedChange>> applied(sqlite::Statement& select) {
            if (BADGEUSE_TRY(select.step()) != sqlite::Row::Ready)
                return std::optional<AppliedChange>{};
            const Instant made_at{std::chrono::milliseconds{select.int64(0)}};
            return std::optional<AppliedChange>{
                AppliedChange{made_at, BADGEUSE_TRY(Uuid::parse(select.text(1)))}};
        }

        SqlitePortalStore* m_store;
        std::int64_t m_txn;
    };

    // The badge as the portal knows it, on any site: a UID is one card, wherever it was given.
    Result<std::optional<Badge>> badge_by_uid(std::string_view uid) {
        auto select = BADGEUSE_TRY(m_db.prepare("SELECT payload FROM badges WHERE id = ?1"));
        select.bind(1, uid);
        if (BADGEUSE_TRY(select.step()) == sqlite::Row::Done)
            return std::optional<Badge>{};
        ChangeData data = BADGEUSE_TRY(decode_change_data("badge", select.text(0)));
        return std::optional<Badge>{std::get<Badge>(std::move(data))};
    }

    sqlite::Connection m_db;
};

} // namespace

int sqlite_portal_schema_version() {
    return kSchemaVersion;
}

Result<std::unique_ptr<PortalStore>> open_sqlite_portal_store(const std::filesystem::path& path,
                                                              OpenMode mode) {
    if (mode == OpenMode::MustExist && !std::filesystem::exists(path))
        return make_error(path.string() + " does not exist: run `portal init --config portal.toml` first");
    auto connection = BADGEUSE_TRY(sqlite::Connection::open(
        path, mode == OpenMode::CreateIfMissing ? sqlite::Create::IfMissing : sqlite::Create::Never));
    auto store = std::make_unique<SqlitePortalStore>(std::move(connection));
    BADGEUSE_CHECK(store->migrate());
    return std::unique_ptr<PortalStore>(std::move(store));
}

} // namespace badgeuse::portal
