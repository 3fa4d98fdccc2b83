// PIN resets: a code from libsodium's uniform random digits, its argon2id hash in the PinRecord.
#include "badgeuse/portal/pin_reset_command.hpp"

#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/cli.hpp"

#include <sodium.h>

#include <charconv>
#include <ostream>

namespace badgeuse::portal {
namespace {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Result<std::string> make_reset_code() {
    if (!sodium_ready())
        return make_error("libsodium could not start: no random source for the code");
    std::string code;
    for (std::size_t i = 0; i < kPinResetDigits; ++i)
        code += static_cast<char>('0' + randombytes_uniform(10));
    return code;
}

Result<std::pair<SiteId, std::string>> subject_site(PortalStore& store, protocol::PinSubject subject,
                                                    std::int64_t id) {
    if (subject == protocol::PinSubject::Family) {
        const auto family = BADGEUSE_TRY(store.find_family(FamilyId{id}));
        if (!family)
            return make_error("no family " + std::to_string(id) + " on the portal");
        return std::pair{family->site, family->name + " (" + family->subscriber_code + ")"};
    }
    const auto staff = BADGEUSE_TRY(store.find_staff(StaffId{id}));
    if (!staff)
        return make_error("--staff: no staff member " + std::to_string(id) + " on the portal");
    return std::pair{staff->site, staff->first_name + " " + staff->last_name};
}

} // namespace

Result<std::string> hash_reset_code(std::string_view code) {
    if (!sodium_ready())
        return make_error("libsodium could not start: the code cannot be hashed on this machine");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, code.data(), code.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("not enough memory to hash the code");
    return std::string(out);
}

bool reset_code_matches(const std::string& hash, std::string_view code) {
    return sodium_ready() && crypto_pwhash_str_verify(hash.c_str(), code.data(), code.size()) == 0;
}

Result<PinReset> reset_pin(PortalStore& store, protocol::PinSubject subject, std::int64_t id,
                           const Clock& clock) {
    const auto [site, name] = BADGEUSE_TRY(subject_site(store, subject, id));
    PinReset reset;
    reset.code = BADGEUSE_TRY(make_reset_code());
    reset.subject_name = name;
    reset.record.subject = subject;
    reset.record.id = id;
    reset.record.reset_code_hash = BADGEUSE_TRY(hash_reset_code(reset.code));
    reset.record.reset_expires = clock.now() + kPinResetLifetime;
    for (const Site& candidate : BADGEUSE_TRY(store.sites()))
        if (candidate.id == site)
            reset.site_name = candidate.name;
    (void)BADGEUSE_TRY(store.commit(site, {{protocol::ChangeKind::Upsert, reset.record}}));
    return reset;
}

int portal_pin_reset(const PortalConfig& config, const std::string& family_code, const std::string& staff_id,
                     const Clock& clock, std::ostream& out, std::ostream& err) {
    if (family_code.empty() == staff_id.empty()) {
        err << "portal: pin reset needs one of --family CODE or --staff ID\n";
        return kExitUsage;
    }
    std::int64_t staff_number = 0;
    if (!staff_id.empty()) {
        const auto [end, error] =
            std::from_chars(staff_id.data(), staff_id.data() + staff_id.size(), staff_number);
        if (error != std::errc{} || end != staff_id.data() + staff_id.size() || staff_number <= 0) {
            err << "portal: --staff: expected a staff member's id (a positive number), not \"" << staff_id
                << "\"\n";
            return kExitUsage;
        }
    }
    if (!family_code.empty() && !is_valid_subscriber_code(family_code)) {
        err << "portal: --family: expected a subscriber code BLENFANCE-<digits>-<digits>, not \""
            << family_code << "\"\n";
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    std::int64_t id = staff_number;
    if (!family_code.empty()) {
        auto family = (*store)->family_by_code(family_code);
        if (!family) {
            err << "portal: " << family.error().message << '\n';
            return kExitFailure;
        }
        if (!family->has_value()) {
            err << "portal: --family: no family with the subscriber code " << family_code
                << " on the portal\n";
            return kExitUsage;
        }
        id = (**family).value;
    }
    const auto subject = family_code.empty() ? protocol::PinSubject::Staff : protocol::PinSubject::Family;
    auto reset = reset_pin(**store, subject, id, clock);
    if (!reset) {
        err << "portal: " << reset.error().message << '\n';
        return reset.error().message.rfind("--staff", 0) == 0 ? kExitUsage : kExitFailure;
    }
    out << reset->code << '\n';
    err << "one-time PIN code for " << reset->subject_name << " of " << reset->site_name
        << ", to type at one of its kiosks before " << paris::format_iso8601(reset->record.reset_expires)
        << "; the old PIN no longer works\n";
    return kExitOk;
}

} // namespace badgeuse::portal
