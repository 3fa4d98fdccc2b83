// The test PKI written with OpenSSL 3's C API: EC keys, X.509 v3 certificates with the extensions a
// verifying TLS client checks (basic constraints, key usage, subject alternative names).
#include "test_pki.hpp"

#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>
#include <string>

namespace badgeuse::testing {
namespace {

struct KeyFree {
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct CertFree {
    void operator()(X509* cert) const noexcept { X509_free(cert); }
};
struct ExtFree {
    void operator()(X509_EXTENSION* ext) const noexcept { X509_EXTENSION_free(ext); }
};
struct FileClose {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

void check(bool ok, const std::string& step) {
    if (!ok)
        throw std::runtime_error("test PKI: " + step + " failed");
}

Key make_key() {
    Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "generating an EC P-256 key");
    return key;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    check(ext != nullptr, std::string("making extension ") + OBJ_nid2sn(nid));
    check(X509_add_ext(cert, ext.get(), -1) == 1, std::string("adding extension ") + OBJ_nid2sn(nid));
}

// A certificate for `subject_key` named `common_name`, signed by `issuer_key` (self-signed when the
// issuer is null).
Cert make_certificate(EVP_PKEY* subject_key, const std::string& common_name, long serial, X509* issuer,
                      EVP_PKEY* issuer_key, bool is_ca) {
    Cert cert(X509_new());
    check(cert != nullptr, "allocating a certificate");
    check(X509_set_version(cert.get(), 2) == 1, "setting the X.509 version");
    check(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial) == 1, "setting the serial");
    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "setting notBefore");
    check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600) != nullptr, "setting notAfter");
    check(X509_set_pubkey(cert.get(), subject_key) == 1, "setting the public key");
    X509_NAME* name = X509_get_subject_name(cert.get());
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("Badgeuse tests"), -1, -1,
                                     0) == 1,
          "naming the organisation");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                                     0) == 1,
          "naming the subject");
    X509* signer = issuer != nullptr ? issuer : cert.get();
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) == 1, "setting the issuer");
    if (is_ca) {
        add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        add_extension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
        add_extension(cert.get(), signer, NID_subject_key_identifier, "hash");
    } else {
        add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        add_extension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        add_extension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        add_extension(cert.get(), signer, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
        add_extension(cert.get(), signer, NID_authority_key_identifier, "keyid");
    }
    check(X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : subject_key, EVP_sha256()) > 0,
          "signing " + common_name);
    return cert;
}

std::unique_ptr<std::FILE, FileClose> open_for_writing(const std::filesystem::path& path) {
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(path.c_str(), "wb"));
    check(file != nullptr, "opening " + path.string());
    return file;
}

void write_certificate(X509* cert, const std::filesystem::path& path) {
    auto file = open_for_writing(path);
    check(PEM_write_X509(file.get(), cert) == 1, "writing " + path.string());
}

void write_key(EVP_PKEY* key, const std::filesystem::path& path) {
    auto file = open_for_writing(path);
    check(PEM_write_PrivateKey(file.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "writing " + path.string());
}

} // namespace

TestPki make_test_pki(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    TestPki pki{dir / "ca.pem", dir / "server.pem", dir / "server-key.pem", dir / "other-ca.pem"};

    Key ca_key = make_key();
    Cert ca = make_certificate(ca_key.get(), "Badgeuse test CA", 1, nullptr, nullptr, true);
    Key server_key = make_key();
    Cert server = make_certificate(server_key.get(), "localhost", 2, ca.get(), ca_key.get(), false);
    Key other_key = make_key();
    Cert other = make_certificate(other_key.get(), "Badgeuse unrelated CA", 1, nullptr, nullptr, true);

    write_certificate(ca.get(), pki.ca_certificate);
    write_certificate(server.get(), pki.server_certificate);
    write_key(server_key.get(), pki.server_key);
    write_certificate(other.get(), pki.other_ca_certificate);
    return pki;
}

} // namespace badgeuse::testing
