// TempDir: mkdtemp under $TMPDIR, removed recursively at the end.
#include "temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace badgeuse::testing {

TempDir::TempDir() {
    auto base = std::filesystem::temp_directory_path() / "badgeuse-test-XXXXXX";
    std::string pattern = base.string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder under " + base.parent_path().string());
    m_path = buffer.data();
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

} // namespace badgeuse::testing
