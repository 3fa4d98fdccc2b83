// The test PKI itself: the server certificate verifies against its CA for 127.0.0.1 and localhost,
// and not against the unrelated CA (else the "untrusted server" tests would prove nothing).
#include "temp_dir.hpp"
#include "test_pki.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <string>

namespace {

using badgeuse::testing::make_test_pki;
using badgeuse::testing::TempDir;

struct X509Free {
    void operator()(X509* cert) const noexcept { X509_free(cert); }
};
using Cert = std::unique_ptr<X509, X509Free>;

Cert read_certificate(const std::filesystem::path& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    Cert cert(PEM_read_X509(file, nullptr, nullptr, nullptr));
    std::fclose(file);
    REQUIRE(cert != nullptr);
    return cert;
}

// X509_verify_cert's answer for `leaf` with only `ca` trusted, checking the host as a TLS client does.
int verify(X509* leaf, X509* ca, const std::string& host) {
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
    X509_STORE_add_cert(store.get(), ca);
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                            X509_STORE_CTX_free);
    X509_STORE_CTX_init(context.get(), store.get(), leaf, nullptr);
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(context.get());
    if (host == "127.0.0.1")
        X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    else
        X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
    if (X509_verify_cert(context.get()) == 1)
        return X509_V_OK;
    return X509_STORE_CTX_get_error(context.get());
}

} // namespace

TEST_CASE("the test server certificate is trusted through its CA for 127.0.0.1 and localhost only") {
    TempDir dir;
    const auto pki = make_test_pki(dir.path());
    Cert ca = read_certificate(pki.ca_certificate);
    Cert server = read_certificate(pki.server_certificate);
    Cert other = read_certificate(pki.other_ca_certificate);

    CHECK(verify(server.get(), ca.get(), "127.0.0.1") == X509_V_OK);
    CHECK(verify(server.get(), ca.get(), "localhost") == X509_V_OK);
    CHECK(verify(server.get(), ca.get(), "portal.example.org") == X509_V_ERR_HOSTNAME_MISMATCH);
    CHECK(verify(server.get(), other.get(), "127.0.0.1") == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    CHECK(std::filesystem::file_size(pki.server_key) > 0);
}
