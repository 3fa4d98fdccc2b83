// AbsenceService: core's check, then one store transaction.
#include "badgeuse/app/absence_service.hpp"

#include "badgeuse/core/paris_time.hpp"

namespace badgeuse::app {

AbsenceService::AbsenceService(store::Store& store, const Clock& clock, UuidSource& uuids,
                               AbsenceRequestRules rules)
    : m_store(&store)
    , m_clock(&clock)
    , m_uuids(&uuids)
    , m_rules(rules) {}

Result<AbsenceDeclared> AbsenceService::declare(FamilyId family, ChildId child, Date from, Date to,
                                                std::string_view reason) {
    Instant now = m_clock->now();
    AbsenceDeclared outcome;
    outcome.problem = check_absence_request(paris::local_date(now), from, to, reason, m_rules);
    if (outcome.problem != AbsenceProblem::None)
        return outcome;
    store::AbsenceDeclaration declaration;
    declaration.id = m_uuids->next();
    declaration.family = family;
    declaration.child = child;
    declaration.from = from;
    declaration.to = to;
    declaration.reason = std::string(reason);
    declaration.made_at = now;
    BADGEUSE_TRY(m_store->record_absence_declaration(declaration));
    outcome.id = declaration.id;
    return outcome;
}

} // namespace badgeuse::app
