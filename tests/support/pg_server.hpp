// A throwaway PostgreSQL server for the tests: one private server per test process, started on first use
// (initdb + pg_ctl on a unix socket in a temporary folder, as the `postgres` user when running as root),
// stopped at exit. Each test case asks for a fresh database and gets its libpq URL.
#pragma once

#include <string>

namespace badgeuse::testing {

// The URL of a new, empty database on this process's private server, such as
// "postgresql://postgres@/badgeuse_3?host=/tmp/badgeuse-test-ab12/socket&port=41234".
// Throws std::runtime_error, naming what to install or what went wrong, when no server can run:
// a PostgreSQL test case then fails instead of being skipped.
std::string create_pg_database();

// The URL of a database that does not exist on the running server (for the error messages' tests).
std::string missing_pg_database();

// Runs SQL on the database at `url` with psql, as a person checking the data would, and gives its
// rows unaligned ("1|a" a line, without a final newline). Throws std::runtime_error with psql's message.
std::string pg_query(const std::string& url, const std::string& sql);

} // namespace badgeuse::testing
