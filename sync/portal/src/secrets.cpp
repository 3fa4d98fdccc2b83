// Random secrets from /dev/urandom (std::random_device promises nothing about its source) and their
// SHA-256 through OpenSSL.
#include "badgeuse/portal/secrets.hpp"

#include <array>
#include <cctype>
#include <fstream>
#include <openssl/evp.h>

namespace badgeuse::portal {
namespace {

template <std::size_t N>
Result<std::array<unsigned char, N>> random_bytes() {
    std::array<unsigned char, N> bytes{};
    std::ifstream source("/dev/urandom", std::ios::binary);
    if (!source.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(N)))
        return make_error("cannot read /dev/urandom to make a secret");
    return bytes;
}

constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 letters: no bias

} // namespace

Result<std::string> make_token() {
    const auto bytes = BADGEUSE_TRY(random_bytes<32>());
    std::string token;
    for (unsigned char byte : bytes) {
        token += kHex[byte >> 4];
        token += kHex[byte & 0xF];
    }
    return token;
}

Result<std::string> make_enrollment_code() {
    const auto bytes = BADGEUSE_TRY(random_bytes<12>());
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            code += '-';
        code += kCodeAlphabet[bytes[i] % kCodeAlphabet.size()];
    }
    return code;
}

std::string normalise_code(std::string_view code) {
    std::string normalised;
    for (char c : code)
        if (c != '-' && c != ' ')
            normalised += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return normalised;
}

std::string hash_secret(std::string_view secret) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(secret.data(), secret.size(), digest.data(), &size, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xF];
    }
    return hex;
}

} // namespace badgeuse::portal
