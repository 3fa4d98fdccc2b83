// The PostgreSQL PortalStore, with the SQLite store's semantics (sqlite_portal_store.cpp is the
// reference): records keep their protocol JSON in a payload column beside the columns the portal
// queries by, and every write appends to change_log in the same transaction, grouped by a server
// transaction so that a pull page never splits one.
//
// Several portal processes may share one database. Every writing transaction runs at READ COMMITTED
// and first takes one transaction-scoped advisory lock (pg::Lock::Writers), so writers run one at a
// time, as SQLite's single writer does:
// - change_log.seq is max(seq) + 1 read under that lock, so two processes never hand out the same
//   number, a rolled-back transaction leaves no gap, and numbers are committed in order: a reader that
//   sees seq N has already seen every seq below it, so a kiosk's cursor never skips a change;
// - READ COMMITTED takes a new snapshot for each statement, so once a writer holds the lock it sees
//   every event an earlier writer committed: an event pushed to two portals at once is decided once,
//   and the second answer is Duplicate (events.id is also the primary key, as a last guard).
// Readers take no lock: each sees whole committed transactions.
#include "badgeuse/core/calendar.hpp"
#include "badgeuse/portal/event_rules.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/keys.hpp"
#include "postgres_connection.hpp"
#include "postgres_schema.hpp"

#include <mutex>
#include <type_traits>
#include <unordered_map>

namespace badgeuse::portal {
namespace {

using namespace protocol;
using pg::kCompatibleVersion;
using pg::kMigrations;
using pg::kSchemaVersion;
using pg::Lock;
using pg::Param;

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

constexpr std::string_view kEventTypes[] = {"attendance", "booking",        "absence",
                                            "correction", "badge_assigned", "pin_changed"};
static_assert(std::size(kEventTypes) == std::variant_size_v<Event>);

// A PIN record's key: its subject and id, "family:12" or "staff:3" (as in the SQLite store).
std::string pin_key(PinSubject subject, std::int64_t id) {
    return std::string(pin_subject_key(subject)) + ":" + std::to_string(id);
}

// The record's key: an integer id, or a text one (a badge's UID, a PIN's subject).
struct RecordKey {
    std::int64_t id = 0;
    std::string text;

    bool missing() const { return text.empty() && id == 0; }
    Param param() const { return text.empty() ? Param(id) : Param(text); }
    std::string display() const { return text.empty() ? std::to_string(id) : text; }
};

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

std::string table_sql(std::string_view before, std::string_view table, std::string_view after) {
    return std::string(before) + std::string(table) + std::string(after);
}

// The columns of a push's new events, stored in one statement at the end of the push.
struct NewEvents {
    std::vector<std::string> ids;
    std::vector<std::string> types;
    std::vector<std::string> payloads;
    std::vector<std::string> outcomes;
    std::vector<std::string> reasons;
    std::vector<std::string> messages;

    void add(const std::string& id, std::string_view type, std::string payload, const Decision& decision) {
        ids.push_back(id);
        types.emplace_back(type);
        payloads.push_back(std::move(payload));
        outcomes.emplace_back(outcome_key(decision.outcome));
        reasons.push_back(decision.reason);
        messages.push_back(decision.message);
    }
};

class PostgresPortalStore final : public PortalStore {
public:
    explicit PostgresPortalStore(pg::Connection connection)
        : m_db(std::move(connection)) {}

    Result<void> migrate(OpenMode mode) {
        // Under the writers' lock: two `portal init` at once create the schema once.
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        auto meta = BADGEUSE_TRY(m_db.query("SELECT to_regclass('meta') IS NOT NULL"));
        if (meta.text(0, 0) != "t") {
            if (mode == OpenMode::MustExist)
                return make_error("the PostgreSQL database " + m_db.where() +
                                  " holds no portal data: run `portal init --config portal.toml` first");
            auto tables = BADGEUSE_TRY(
                m_db.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"));
            if (tables.int64(0, 0) != 0)
                return make_error("the PostgreSQL database " + m_db.where() +
                                  " holds tables but is not a portal database; point database.url at "
                                  "another database");
            BADGEUSE_CHECK(upgrade_from(0));
            return transaction.commit();
        }
        auto read = BADGEUSE_TRY(m_db.query("SELECT (SELECT value FROM meta WHERE key = 'version'), "
                                            "(SELECT value FROM meta WHERE key = 'compatible_version')"));
        const std::int64_t version = read.int64(0, 0);
        const std::int64_t compatible = read.int64(0, 1);
        if (compatible > kSchemaVersion)
            return make_error("the PostgreSQL database " + m_db.where() +
                              " was written by a newer portal (schema " + std::to_string(version) +
                              ", needs at least " + std::to_string(compatible) +
                              "); this portal knows schema " + std::to_string(kSchemaVersion) +
                              ": upgrade the portal, the database was left untouched");
        BADGEUSE_CHECK(upgrade_from(version));
        return transaction.commit();
    }

    Result<SiteId> add_site(const Site& site) override {
        std::lock_guard lock(m_mutex);
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        auto inserted =
            m_db.query("INSERT INTO sites(name, town) VALUES ($1, $2) RETURNING id", {site.name, site.town});
        if (!inserted)
            return make_error("cannot add site \"" + site.name + "\": " + inserted.error().message);
        BADGEUSE_CHECK(transaction.commit());
        return SiteId{inserted->int64(0, 0)};
    }

    Result<std::optional<Site>> find_site(std::string_view name) override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT id, name, town FROM sites WHERE name = $1", {name}));
        if (rows.empty())
            return std::optional<Site>{};
        return std::optional<Site>{Site{SiteId{rows.int64(0, 0)}, rows.text(0, 1), rows.text(0, 2)}};
    }

    Result<void> add_enrollment_code(SiteId site, std::string_view kiosk_name, std::string_view code_hash,
                                     Instant expires_at) override {
        std::lock_guard lock(m_mutex);
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        (void)BADGEUSE_TRY(m_db.query(
            "INSERT INTO enrollment_codes(code_hash, site, kiosk_name, expires_at) VALUES ($1, $2, $3, $4)",
            {code_hash, site.value, kiosk_name, millis(expires_at)}));
        return transaction.commit();
    }

    Result<Enrollment> enroll(std::string_view code_hash, std::string_view device_name,
                              std::string_view token_hash, Instant now) override {
        std::lock_guard lock(m_mutex);
        // Under the writers' lock, a code read as unused cannot be used by another portal before commit.
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        auto code = BADGEUSE_TRY(
            m_db.query("SELECT c.site, c.expires_at, c.used_at, s.name, c.kiosk_name FROM enrollment_codes c "
                       "JOIN sites s ON s.id = c.site WHERE c.code_hash = $1",
                       {code_hash}));
        Enrollment enrollment;
        if (code.empty()) {
            enrollment.failure = EnrollFailure::UnknownCode;
            return enrollment;
        }
        if (!code.is_null(0, 2)) {
            enrollment.failure = EnrollFailure::UsedCode;
            return enrollment;
        }
        if (millis(now) >= code.int64(0, 1)) {
            enrollment.failure = EnrollFailure::ExpiredCode;
            return enrollment;
        }
        enrollment.kiosk.site = SiteId{code.int64(0, 0)};
        enrollment.kiosk.name = code.text(0, 4);
        enrollment.site_name = code.text(0, 3);
        auto kiosk = BADGEUSE_TRY(m_db.query(
            "INSERT INTO kiosks(site, name, device_name, token_hash, "
            "enrolled_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            {enrollment.kiosk.site.value, enrollment.kiosk.name, device_name, token_hash, millis(now)}));
        enrollment.kiosk.id = kiosk.int64(0, 0);
        (void)BADGEUSE_TRY(
            m_db.query("UPDATE enrollment_codes SET used_at = $2, kiosk = $3 WHERE code_hash = $1",
                       {code_hash, millis(now), enrollment.kiosk.id}));
        BADGEUSE_CHECK(transaction.commit());
        return enrollment;
    }

    Result<std::optional<KioskIdentity>> kiosk_by_token(std::string_view token_hash) override {
        std::lock_guard lock(m_mutex);
        auto rows =
            BADGEUSE_TRY(m_db.query("SELECT id, site, name FROM kiosks WHERE token_hash = $1", {token_hash}));
        if (rows.empty())
            return std::optional<KioskIdentity>{};
        return std::optional<KioskIdentity>{
            KioskIdentity{rows.int64(0, 0), SiteId{rows.int64(0, 1)}, rows.text(0, 2)}};
    }

    Result<std::vector<ChangeData>> commit(SiteId site, const std::vector<Write>& writes) override {
        std::lock_guard lock(m_mutex);
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        const std::int64_t txn = BADGEUSE_TRY(begin_server_transaction(site));
        std::vector<ChangeData> written;
        written.reserve(writes.size());
        for (const Write& write : writes)
            written.push_back(BADGEUSE_TRY(write_record(site, txn, write.kind, write.data)));
        BADGEUSE_CHECK(transaction.commit());
        return written;
    }

    Result<std::int64_t> next_id(std::string_view entity) override {
        std::lock_guard lock(m_mutex);
        for (const auto& [name, table] : kEntityTables) {
            if (name != entity)
                continue;
            auto rows =
                BADGEUSE_TRY(m_db.query(table_sql("SELECT coalesce(max(id), 0) + 1 FROM ", table, "")));
            return rows.int64(0, 0);
        }
        return make_error("no numbered records of kind \"" + std::string(entity) + "\"");
    }

    Result<std::optional<FamilyId>> family_by_code(std::string_view subscriber_code) override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query(
            "SELECT id FROM families WHERE payload::jsonb ->> 'subscriber_code' = $1 ORDER BY id LIMIT 1",
            {subscriber_code}));
        if (rows.empty())
            return std::optional<FamilyId>{};
        return std::optional<FamilyId>{FamilyId{rows.int64(0, 0)}};
    }

    Result<StoredPage> stored_changes_after(SiteId site, std::int64_t after, int limit) override {
        std::lock_guard lock(m_mutex);
        StoredPage page;
        page.cursor = after;
        auto rows = BADGEUSE_TRY(m_db.query("SELECT seq, txn, kind, entity, payload FROM change_log "
                                            "WHERE site = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                                            {site.value, after, std::int64_t{limit}}));
        if (rows.empty())
            return page;
        for (int row = 0; row < rows.size(); ++row)
            page.changes.push_back(BADGEUSE_TRY(read_stored_change(rows, row)));
        // Finish the last server transaction of the page, even past the limit: a kiosk that applied
        // half of one would show a state the portal never had. It is committed whole, so it is all there.
        const std::int64_t last_txn = rows.int64(rows.size() - 1, 1);
        // By transaction alone (a server transaction belongs to one site): change_log_by_txn answers it.
        auto rest = BADGEUSE_TRY(m_db.query("SELECT seq, txn, kind, entity, payload FROM change_log "
                                            "WHERE txn = $1 AND seq > $2 ORDER BY seq",
                                            {last_txn, page.changes.back().seq}));
        for (int row = 0; row < rest.size(); ++row)
            page.changes.push_back(BADGEUSE_TRY(read_stored_change(rest, row)));
        page.cursor = page.changes.back().seq;
        auto more = BADGEUSE_TRY(m_db.query(
            "SELECT count(*) FROM (SELECT 1 FROM change_log WHERE site = $1 AND seq > $2 LIMIT 1) t",
            {site.value, page.cursor}));
        page.more = more.int64(0, 0) != 0 ? MorePages::Yes : MorePages::No;
        return page;
    }

    Result<PushResponse> ingest(const KioskIdentity& kiosk, const std::vector<Event>& events,
                                Instant received_at, HolidayRegion region) override {
        std::lock_guard lock(m_mutex);
        auto transaction = BADGEUSE_TRY(pg::Transaction::begin(m_db, Lock::Writers));
        const std::int64_t txn = BADGEUSE_TRY(begin_server_transaction(kiosk.site));
        const Calendar calendar = BADGEUSE_TRY(site_calendar(kiosk.site, region));
        // One round trip for the batch's known events and one for its new ones, instead of two per
        // event: no decision reads the events table, so deciding first and storing after is the same.
        std::vector<std::string> ids;
        ids.reserve(events.size());
        for (const Event& event : events)
            ids.push_back(event_id(event).to_string());
        auto known = BADGEUSE_TRY(
            m_db.query("SELECT id, outcome, reason, message FROM events WHERE id = ANY($1::text[])",
                       {pg::text_array(ids)}));
        std::unordered_map<std::string, Decision>
            decided; // by event id: stored before, or earlier in the batch
        for (int row = 0; row < known.size(); ++row)
            decided.emplace(known.text(row, 0), Decision{BADGEUSE_TRY(parse_outcome_key(known.text(row, 1))),
                                                         known.text(row, 2), known.text(row, 3)});
        NewEvents fresh;
        Decisions decisions(*this, txn);
        PushResponse response;
        response.results.reserve(events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            EventResult result;
            result.event = event_id(events[i]);
            if (const auto found = decided.find(ids[i]); found != decided.end()) {
                result.outcome = Outcome::Duplicate;
                result.original = found->second.outcome;
                result.reason = found->second.reason;
                result.message = found->second.message;
                response.results.push_back(std::move(result));
                continue;
            }
            const Decision decision = BADGEUSE_TRY(decide_event(decisions, kiosk.site, events[i], calendar));
            fresh.add(ids[i], kEventTypes[events[i].index()], encode_event(events[i]), decision);
            decided.emplace(ids[i], decision);
            result.outcome = decision.outcome;
            result.reason = decision.reason;
            result.message = decision.message;
            response.results.push_back(std::move(result));
        }
        if (!fresh.ids.empty())
            (void)BADGEUSE_TRY(m_db.query(
                "INSERT INTO events(id, site, kiosk, type, payload, outcome, reason, message, received_at) "
                "SELECT e.id, $1, $2, e.type, e.payload, e.outcome, e.reason, e.message, $3 "
                "FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) "
                "WITH ORDINALITY AS e(id, type, payload, outcome, reason, message, n) ORDER BY e.n",
                {kiosk.site.value, kiosk.id, millis(received_at), pg::text_array(fresh.ids),
                 pg::text_array(fresh.types), pg::text_array(fresh.payloads), pg::text_array(fresh.outcomes),
                 pg::text_array(fresh.reasons), pg::text_array(fresh.messages)}));
        BADGEUSE_CHECK(transaction.commit());
        return response;
    }

    Result<ReservationState> reservation(ChildId child, ActivityId activity, Date day) override {
        std::lock_guard lock(m_mutex);
        return reservation_state(child, activity, day);
    }

    Result<std::int64_t> event_count() override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT count(*) FROM events"));
        return rows.int64(0, 0);
    }

    // A kiosk's last contact is one row that only its own requests write: an upsert on its own, outside
    // the writers' lock, so that every request does not queue behind a push.
    Result<void> record_contact(std::int64_t kiosk, Instant at, std::int64_t events_waiting) override {
        std::lock_guard lock(m_mutex);
        (void)BADGEUSE_TRY(
            m_db.query("INSERT INTO kiosk_contacts(kiosk, last_contact, events_waiting) "
                       "VALUES ($1, $2, $3) ON CONFLICT(kiosk) DO UPDATE SET "
                       "last_contact = excluded.last_contact, events_waiting = excluded.events_waiting",
                       {kiosk, millis(at), events_waiting}));
        return {};
    }

    Result<std::vector<KioskContact>> kiosk_contacts() override {
        std::lock_guard lock(m_mutex);
        // COLLATE "C": the byte order SQLite sorts by, whatever the database's locale.
        auto rows =
            BADGEUSE_TRY(m_db.query("SELECT k.id, k.site, k.name, s.name, c.last_contact, c.events_waiting "
                                    "FROM kiosks k JOIN sites s ON s.id = k.site "
                                    "LEFT JOIN kiosk_contacts c ON c.kiosk = k.id "
                                    "ORDER BY s.name COLLATE \"C\", k.name COLLATE \"C\", k.id"));
        std::vector<KioskContact> contacts;
        for (int row = 0; row < rows.size(); ++row) {
            KioskContact contact{{rows.int64(row, 0), SiteId{rows.int64(row, 1)}, rows.text(row, 2)},
                                 rows.text(row, 3),
                                 {},
                                 0};
            if (!rows.is_null(row, 4)) {
                contact.last_contact = Instant{std::chrono::milliseconds{rows.int64(row, 4)}};
                contact.events_waiting = rows.int64(row, 5);
            }
            contacts.push_back(std::move(contact));
        }
        return contacts;
    }

    Result<void> add_web_token(std::string_view name, std::string_view token_hash,
                               Instant created_at) override {
        std::lock_guard lock(m_mutex);
        (void)BADGEUSE_TRY(
            m_db.query("INSERT INTO web_tokens(token_hash, name, created_at) VALUES ($1, $2, $3)",
                       {token_hash, name, millis(created_at)}));
        return {};
    }

    Result<std::optional<std::string>> web_token_name(std::string_view token_hash) override {
        std::lock_guard lock(m_mutex);
        auto rows =
            BADGEUSE_TRY(m_db.query("SELECT name FROM web_tokens WHERE token_hash = $1", {token_hash}));
        if (rows.empty())
            return std::optional<std::string>{};
        return std::optional<std::string>{rows.text(0, 0)};
    }

    Result<std::optional<SiteId>> site_of_child(ChildId child) override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT site FROM children WHERE id = $1", {child.value}));
        if (rows.empty())
            return std::optional<SiteId>{};
        return std::optional<SiteId>{SiteId{rows.int64(0, 0)}};
    }

    Result<std::vector<ReservationRecord>> reservations_on(SiteId site, ActivityId activity,
                                                           Date day) override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT child, state FROM reservations "
                                            "WHERE site = $1 AND activity = $2 AND day = $3 ORDER BY child",
                                            {site.value, activity.value, format_date(day)}));
        std::vector<ReservationRecord> records;
        for (int row = 0; row < rows.size(); ++row)
            records.push_back(
                ReservationRecord{{ChildId{rows.int64(row, 0)}, activity, day},
                                  BADGEUSE_TRY(parse_reservation_state_key(rows.text(row, 1)))});
        return records;
    }

    // Text keys and days compare with COLLATE "C": SQLite's byte order, whatever the database's locale.
    Result<std::vector<Site>> sites() override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT id, name, town FROM sites ORDER BY name COLLATE \"C\""));
        std::vector<Site> all;
        for (int row = 0; row < rows.size(); ++row)
            all.push_back(Site{SiteId{rows.int64(row, 0)}, rows.text(row, 1), rows.text(row, 2)});
        return all;
    }

    Result<std::vector<ChangeData>> records(std::string_view entity, SiteId site) override {
        std::lock_guard lock(m_mutex);
        const std::string_view* table = nullptr;
        for (const auto& [key, name] : kRecordTables)
            if (key == entity)
                table = &name;
        if (table == nullptr)
            return make_error("no records of kind \"" + std::string(entity) + "\"");
        auto rows = BADGEUSE_TRY(m_db.query(
            table_sql("SELECT payload FROM ", *table, " WHERE $1::bigint = 0 OR site = $1 ORDER BY id") +
                (*table == "badges" || *table == "pins" ? " COLLATE \"C\"" : ""),
            {site.value}));
        std::vector<ChangeData> all;
        for (int row = 0; row < rows.size(); ++row)
            all.push_back(BADGEUSE_TRY(decode_change_data(entity, rows.text(row, 0))));
        return all;
    }

    Result<std::optional<Family>> find_family(FamilyId family) override {
        std::lock_guard lock(m_mutex);
        return find_by_key<Family>("families", Param(family.value));
    }

    Result<std::optional<StaffMember>> find_staff(StaffId staff) override {
        std::lock_guard lock(m_mutex);
        return find_by_key<StaffMember>("staff", Param(staff.value));
    }

    Result<std::optional<Badge>> find_badge(std::string_view uid) override {
        std::lock_guard lock(m_mutex);
        return badge_by_uid(uid);
    }

    Result<std::optional<PinRecord>> find_pin(PinSubject subject, std::int64_t id) override {
        std::lock_guard lock(m_mutex);
        return find_by_key<PinRecord>("pins", Param(pin_key(subject, id)));
    }

    Result<std::vector<StoredEvent>> events_of_days(Date from, Date to, SiteId site) override {
        std::lock_guard lock(m_mutex);
        auto rows =
            BADGEUSE_TRY(m_db.query("SELECT site, outcome, reason, payload FROM events "
                                    "WHERE type IN ('attendance', 'booking', 'correction') "
                                    "AND (payload::jsonb ->> 'day') COLLATE \"C\" >= $1 AND (payload::jsonb "
                                    "->> 'day') COLLATE \"C\" <= $2 "
                                    "AND ($3::bigint = 0 OR site = $3) ORDER BY received_at, received_order",
                                    {format_date(from), format_date(to), site.value}));
        std::vector<StoredEvent> all;
        for (int row = 0; row < rows.size(); ++row) {
            StoredEvent stored;
            stored.site = SiteId{rows.int64(row, 0)};
            stored.outcome = BADGEUSE_TRY(parse_outcome_key(rows.text(row, 1)));
            stored.reason = rows.text(row, 2);
            stored.event = BADGEUSE_TRY(decode_event(rows.text(row, 3)));
            all.push_back(std::move(stored));
        }
        return all;
    }

    Result<std::vector<ReservationRecord>> reservations_between(Date from, Date to) override {
        std::lock_guard lock(m_mutex);
        auto rows = BADGEUSE_TRY(m_db.query("SELECT child, activity, day, state FROM reservations "
                                            "WHERE day COLLATE \"C\" >= $1 AND day COLLATE \"C\" <= $2 "
                                            "ORDER BY day COLLATE \"C\", child, activity",
                                            {format_date(from), format_date(to)}));
        std::vector<ReservationRecord> all;
        for (int row = 0; row < rows.size(); ++row) {
            ReservationRecord record;
            record.reservation.child = ChildId{rows.int64(row, 0)};
            record.reservation.activity = ActivityId{rows.int64(row, 1)};
            auto day = parse_date(rows.text(row, 2));
            if (!day)
                return make_error("reservations in " + m_db.where() + " hold a bad day \"" +
                                  rows.text(row, 2) + "\"");
            record.reservation.day = *day;
            record.state = BADGEUSE_TRY(parse_reservation_state_key(rows.text(row, 3)));
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

    // One record by its key, an integer or a text one (a PIN's subject).
    template <typename Record>
    Result<std::optional<Record>> find_by_key(std::string_view table, const Param& key) {
        auto rows =
            BADGEUSE_TRY(m_db.query(table_sql("SELECT payload FROM ", table, " WHERE id = $1"), {key}));
        if (rows.empty())
            return std::optional<Record>{};
        ChangeData data = BADGEUSE_TRY(decode_change_data(entity_key(ChangeData{Record{}}), rows.text(0, 0)));
        return std::optional<Record>{std::get<Record>(std::move(data))};
    }

    // Runs each missing step with the version it reaches, inside the caller's transaction: PostgreSQL
    // has transactional DDL, so an upgrade cut short leaves the database as it was.
    Result<void> upgrade_from(std::int64_t version) {
        for (std::int64_t step = version; step < kSchemaVersion; ++step) {
            BADGEUSE_CHECK(m_db.execute(std::string(kMigrations[step])));
            (void)BADGEUSE_TRY(m_db.query("INSERT INTO meta(key, value) VALUES ('version', $1), "
                                          "('compatible_version', $2) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                          {step + 1, std::int64_t{kCompatibleVersion}}));
        }
        return {};
    }

    Result<std::int64_t> begin_server_transaction(SiteId site) {
        auto rows = BADGEUSE_TRY(
            m_db.query("INSERT INTO server_transactions(site) VALUES ($1) RETURNING id", {site.value}));
        return rows.int64(0, 0);
    }

    // As stored: the record's JSON goes to the kiosk as it is (stored_page.hpp).
    static Result<StoredChange> read_stored_change(const pg::Rows& rows, int row) {
        StoredChange change;
        change.seq = rows.int64(row, 0);
        change.kind = BADGEUSE_TRY(parse_change_kind_key(rows.text(row, 2)));
        change.entity = rows.text(row, 3);
        change.data = rows.text(row, 4);
        return change;
    }

    // The site a record of this table belongs to, if the record exists.
    Result<std::optional<std::int64_t>> site_of(std::string_view table, const RecordKey& key) {
        auto rows =
            BADGEUSE_TRY(m_db.query(table_sql("SELECT site FROM ", table, " WHERE id = $1"), {key.param()}));
        if (rows.empty())
            return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>{rows.int64(0, 0)};
    }

    Result<ChangeData> write_record(SiteId site, std::int64_t txn, ChangeKind kind, ChangeData data) {
        const std::string_view table = kTables[data.index()];
        if (const auto* record = std::get_if<ReservationRecord>(&data)) {
            BADGEUSE_CHECK(write_reservation(site, *record));
        } else {
            RecordKey key = key_of(data);
            if (key.missing()) {
                if (kind == ChangeKind::Delete)
                    return make_error("cannot delete a " + std::string(entity_key(data)) + " without its id");
                auto next =
                    BADGEUSE_TRY(m_db.query(table_sql("SELECT coalesce(max(id), 0) + 1 FROM ", table, "")));
                key.id = next.int64(0, 0);
                set_id(data, key.id);
            }
            const auto owner = BADGEUSE_TRY(site_of(table, key));
            if (owner && *owner != site.value)
                return make_error("the " + std::string(entity_key(data)) + " " + key.display() +
                                  " belongs to another site");
            if (kind == ChangeKind::Delete)
                (void)BADGEUSE_TRY(
                    m_db.query(table_sql("DELETE FROM ", table, " WHERE id = $1"), {key.param()}));
            else
                (void)BADGEUSE_TRY(
                    m_db.query(table_sql("INSERT INTO ", table,
                                         "(id, site, payload) VALUES ($1, $2, $3) "
                                         "ON CONFLICT(id) DO UPDATE SET payload = excluded.payload"),
                               {key.param(), site.value, encode_change_data(data)}));
        }
        // The next number under the writers' lock (see the top of this file): gap-free and in commit order.
        (void)BADGEUSE_TRY(
            m_db.query("INSERT INTO change_log(seq, txn, site, kind, entity, payload) "
                       "SELECT coalesce(max(seq), 0) + 1, $1::bigint, $2::bigint, $3::text, "
                       "$4::text, $5::text FROM change_log",
                       {txn, site.value, change_kind_key(kind), entity_key(data), encode_change_data(data)}));
        return data;
    }

    Result<void> write_reservation(SiteId site, const ReservationRecord& record) {
        (void)BADGEUSE_TRY(m_db.query(
            "INSERT INTO reservations(child, activity, day, site, state) "
            "VALUES ($1, $2, $3, $4, $5) "
            "ON CONFLICT(child, activity, day) DO UPDATE SET state = excluded.state",
            {record.reservation.child.value, record.reservation.activity.value,
             format_date(record.reservation.day), site.value, reservation_state_key(record.state)}));
        return {};
    }

    Result<ReservationState> reservation_state(ChildId child, ActivityId activity, Date day) {
        auto rows = BADGEUSE_TRY(
            m_db.query("SELECT state FROM reservations WHERE child = $1 AND activity = $2 AND day = $3",
                       {child.value, activity.value, format_date(day)}));
        if (rows.empty())
            return ReservationState::Cancelled;
        return parse_reservation_state_key(rows.text(0, 0));
    }

    // The record of this table with that id, decoded, if the site owns it.
    template <typename Record>
    Result<std::optional<Record>> load(std::string_view table, SiteId site, std::int64_t id) {
        auto rows = BADGEUSE_TRY(m_db.query(
            table_sql("SELECT payload FROM ", table, " WHERE id = $1 AND site = $2"), {id, site.value}));
        if (rows.empty())
            return std::optional<Record>{};
        ChangeData data = BADGEUSE_TRY(decode_change_data(entity_key(ChangeData{Record{}}), rows.text(0, 0)));
        return std::optional<Record>{std::get<Record>(std::move(data))};
    }

    Result<Calendar> site_calendar(SiteId site, HolidayRegion region) {
        auto rows =
            BADGEUSE_TRY(m_db.query("SELECT payload FROM closed_periods WHERE site = $1", {site.value}));
        std::vector<ClosedPeriod> periods;
        for (int row = 0; row < rows.size(); ++row) {
            ChangeData data = BADGEUSE_TRY(decode_change_data("closed_period", rows.text(row, 0)));
            periods.push_back(std::get<ClosedPeriodRecord>(data).period);
        }
        return Calendar(std::move(periods), region);
    }

    // The rules' questions (event_rules.hpp), answered inside the ingest's transaction `txn` (the store's
    // mutex is held: these call the unlocked helpers, never the public methods).
    class Decisions final : public DecisionStore {
    public:
        Decisions(PostgresPortalStore& store, std::int64_t txn)
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
            return m_store->find_by_key<PinRecord>("pins", Param(pin_key(subject, id)));
        }
        Result<std::optional<AppliedChange>> applied_intent(const BookingIntent& intent) override {
            return applied(BADGEUSE_TRY(
                m_store->m_db.query("SELECT made_at, event_id FROM booking_intents WHERE child = $1 AND "
                                    "activity = $2 AND day = $3",
                                    {intent.child.value, intent.activity.value, format_date(intent.day)})));
        }
        Result<void> save_applied_intent(const BookingIntent& intent) override {
            (void)BADGEUSE_TRY(
                m_store->m_db.query("INSERT INTO booking_intents(child, activity, day, made_at, event_id) "
                                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT(child, activity, day) DO UPDATE "
                                    "SET made_at = excluded.made_at, event_id = excluded.event_id",
                                    {intent.child.value, intent.activity.value, format_date(intent.day),
                                     millis(intent.made_at), intent.id.to_string()}));
            return {};
        }
        Result<std::optional<AppliedChange>> applied_pin_change(const PinChanged& change) override {
            return applied(BADGEUSE_TRY(
                m_store->m_db.query("SELECT made_at, event_id FROM pin_changes WHERE subject = $1",
                                    {pin_key(change.subject, change.subject_id)})));
        }
        Result<void> save_applied_pin_change(const PinChanged& change) override {
            (void)BADGEUSE_TRY(m_store->m_db.query(
                "INSERT INTO pin_changes(subject, made_at, event_id) VALUES ($1, $2, $3) "
                "ON CONFLICT(subject) DO UPDATE SET made_at = excluded.made_at, event_id = excluded.event_id",
                {pin_key(change.subject, change.subject_id), millis(change.made_at), change.id.to_string()}));
            return {};
        }
        Result<ReservationState> reservation_state(ChildId child, ActivityId activity, Date day) override {
            return m_store->reservation_state(child, activity, day);
        }
        Result<void> write(SiteId site, ChangeData record) override {
            (void)BADGEUSE_TRY(m_store->write_record(site, m_txn, ChangeKind::Upsert, std::move(record)));
            return {};
        }

    private:
        // (made_at, event_id) of the row found, if any.
        static Result<std::optional<AppliedChange>> applied(const pg::Rows& rows) {
            if (rows.empty())
                return std::optional<AppliedChange>{};
            const Instant made_at{std::chrono::milliseconds{rows.int64(0, 0)}};
            return std::optional<AppliedChange>{
                AppliedChange{made_at, BADGEUSE_TRY(Uuid::parse(rows.text(0, 1)))}};
        }

        PostgresPortalStore* m_store;
        std::int64_t m_txn;
    };

    // The badge as the portal knows it, on any site: a UID is one card, wherever it was given.
    Result<std::optional<Badge>> badge_by_uid(std::string_view uid) {
        auto rows = BADGEUSE_TRY(m_db.query("SELECT payload FROM badges WHERE id = $1", {uid}));
        if (rows.empty())
            return std::optional<Badge>{};
        ChangeData data = BADGEUSE_TRY(decode_change_data("badge", rows.text(0, 0)));
        return std::optional<Badge>{std::get<Badge>(std::move(data))};
    }

    // One connection, used by one caller at a time: the handlers may run on several threads.
    std::mutex m_mutex;
    pg::Connection m_db;
};

} // namespace

int postgres_portal_schema_version() {
    return kSchemaVersion;
}

Result<std::unique_ptr<PortalStore>> open_postgres_portal_store(const std::string& uri, OpenMode mode) {
    auto connection = BADGEUSE_TRY(pg::Connection::open(uri));
    auto store = std::make_unique<PostgresPortalStore>(std::move(connection));
    BADGEUSE_CHECK(store->migrate(mode));
    return std::unique_ptr<PortalStore>(std::move(store));
}

} // namespace badgeuse::portal
