// The 16-byte SQLite header check.
#include "file_probe.hpp"

#include <array>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace badgeuse::store {
namespace {

// Every SQLite 3 database file starts with these 16 bytes, the last being NUL.
constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

Error not_a_database(const std::filesystem::path& path, std::string_view why) {
    return make_error(path.string() + " is not a Badgeuse database: " + std::string(why) +
                      ". The file was left untouched; move it aside or set the kiosk's database path to "
                      "another file");
}

} // namespace

Result<FileState> probe_database_file(const std::filesystem::path& path) {
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (status.type() == std::filesystem::file_type::not_found)
        return FileState::Missing;
    if (error)
        return make_error("cannot look at " + path.string() + ": " + error.message() +
                          "; check the permissions of the file and its folders");
    if (status.type() != std::filesystem::file_type::regular)
        return not_a_database(path, "it is not a regular file");
    auto size = std::filesystem::file_size(path, error);
    if (error)
        return make_error("cannot read the size of " + path.string() + ": " + error.message());
    if (size == 0)
        return FileState::Empty;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return make_error("cannot read " + path.string() +
                          ": check that the kiosk's user may read and write it");
    std::array<char, kSqliteHeader.size()> header{};
    file.read(header.data(), header.size());
    if (file.gcount() != static_cast<std::streamsize>(header.size()) ||
        std::string_view(header.data(), header.size()) != kSqliteHeader)
        return not_a_database(path, "it does not start with the SQLite header");
    return FileState::Sqlite;
}

} // namespace badgeuse::store
