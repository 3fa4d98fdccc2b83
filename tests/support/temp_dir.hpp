// TempDir: a fresh folder under the system's temporary directory, removed with everything in it
// when the test ends. Tests use real files in it (SQLite databases, sockets, configs).
#pragma once

#include <filesystem>
#include <string>

namespace badgeuse::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

} // namespace badgeuse::testing
