// The PostgreSQL portal schema: one step per version, with the same version numbers as the SQLite
// schema (sqlite_portal_store.cpp), so that version N holds the same data on both backends. Private to
// sync/portal.
#pragma once

#include <iterator>
#include <string_view>

namespace badgeuse::portal::pg {

// Bump kCompatibleVersion only when an older portal could no longer work on the new schema.
inline constexpr int kCompatibleVersion = 1;

inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE sites(id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, town TEXT NOT NULL);
CREATE TABLE kiosks(id BIGSERIAL PRIMARY KEY, site BIGINT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
                    device_name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, enrolled_at BIGINT NOT NULL);
CREATE TABLE enrollment_codes(code_hash TEXT PRIMARY KEY, site BIGINT NOT NULL REFERENCES sites(id),
                              kiosk_name TEXT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT,
                              kiosk BIGINT REFERENCES kiosks(id));
CREATE TABLE families(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE guardians(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE children(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE badges(id TEXT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE activities(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE closed_periods(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE absences(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE reservations(child BIGINT NOT NULL, activity BIGINT NOT NULL, day TEXT NOT NULL,
                          site BIGINT NOT NULL, state TEXT NOT NULL, PRIMARY KEY(child, activity, day));
CREATE TABLE booking_intents(child BIGINT NOT NULL, activity BIGINT NOT NULL, day TEXT NOT NULL,
                             made_at BIGINT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY(child, activity, day));
CREATE TABLE server_transactions(id BIGSERIAL PRIMARY KEY, site BIGINT NOT NULL);
CREATE TABLE change_log(seq BIGINT PRIMARY KEY, txn BIGINT NOT NULL, site BIGINT NOT NULL,
                        kind TEXT NOT NULL, entity TEXT NOT NULL, payload TEXT NOT NULL);
CREATE INDEX change_log_by_site ON change_log(site, seq);
-- received_order: the order of arrival, which SQLite's rowid gives (exports list events by it).
CREATE TABLE events(id TEXT PRIMARY KEY, site BIGINT NOT NULL, kiosk BIGINT NOT NULL, type TEXT NOT NULL,
                    payload TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,
                    received_at BIGINT NOT NULL, received_order BIGSERIAL NOT NULL);
)sql";

inline constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE staff(id BIGINT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE pins(id TEXT PRIMARY KEY, site BIGINT NOT NULL, payload TEXT NOT NULL);
CREATE TABLE pin_changes(subject TEXT PRIMARY KEY, made_at BIGINT NOT NULL, event_id TEXT NOT NULL);
)sql";

inline constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE kiosk_contacts(kiosk BIGINT PRIMARY KEY REFERENCES kiosks(id), last_contact BIGINT NOT NULL,
                            events_waiting BIGINT NOT NULL);
CREATE TABLE web_tokens(token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL);
)sql";

// A pull page finishes the server transaction it ends in: without this index, finding the rest of that
// transaction scanned the site's whole remaining log, so a first full pull was quadratic in its length.
inline constexpr std::string_view kSchemaV4 = R"sql(
CREATE INDEX change_log_by_txn ON change_log(txn, seq);
)sql";

// kMigrations[i] takes a database from schema version i to i + 1 (version 0: an empty database).
inline constexpr std::string_view kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
inline constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

} // namespace badgeuse::portal::pg
