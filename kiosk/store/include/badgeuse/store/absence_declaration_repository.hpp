// AbsenceDeclarationRepository: the absences parents declared at this kiosk, as queued for the portal
// (outbox kind kAbsenceOutboxKind). Written only by Store::record_absence_declaration.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse::store {

class Database;

// Every field of protocol::AbsenceDeclared, plus the family (for the parents' screens) and the absence
// row this kiosk added so that its planning shows the days as absent before the portal answers.
struct AbsenceDeclaration {
    Uuid id;
    FamilyId family;
    ChildId child;
    Date from{};
    Date to{};
    std::string reason;      // one of core's kAbsenceReasons
    Instant made_at;         // when the parent confirmed, by the kiosk's clock
    AbsenceId local_absence; // set by record_absence_declaration: negative, never a portal id
    bool operator==(const AbsenceDeclaration&) const = default;
};

// A declaration and whether the portal has it yet (its outbox row was acknowledged).
struct DeclaredAbsence {
    AbsenceDeclaration declaration;
    bool sent = false;
};

class AbsenceDeclarationRepository {
public:
    explicit AbsenceDeclarationRepository(Database& db)
        : m_db(&db) {}

    // The one with that UUID (the outbox row's event UUID), for the sync client to push.
    Result<std::optional<AbsenceDeclaration>> get(const Uuid& id) const;
    // The child's, newest first.
    Result<std::vector<AbsenceDeclaration>> for_child(ChildId child) const;
    // The family's, newest first, for the parents' "recent changes".
    Result<std::vector<DeclaredAbsence>> recent_for_family(FamilyId family, std::size_t limit) const;
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
