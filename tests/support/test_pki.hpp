// A throwaway public-key infrastructure for the TLS tests: a CA, a server certificate for 127.0.0.1
// and localhost signed by it, and a second, unrelated CA whose trust must not open the first's server.
#pragma once

#include <filesystem>

namespace badgeuse::testing {

struct TestPki {
    std::filesystem::path ca_certificate;       // the CA the kiosk trusts (PEM)
    std::filesystem::path server_certificate;   // signed by ca_certificate, for 127.0.0.1 and localhost
    std::filesystem::path server_key;           // the server certificate's private key (PEM, unencrypted)
    std::filesystem::path other_ca_certificate; // an unrelated CA: a client trusting only it must refuse
};

// Writes the four PEM files into `dir` (ca.pem, server.pem, server-key.pem, other-ca.pem) with
// OpenSSL's C API: no `openssl` command needed. Keys are EC P-256, certificates valid for 30 days.
// Throws std::runtime_error naming the step that failed.
TestPki make_test_pki(const std::filesystem::path& dir);

} // namespace badgeuse::testing
