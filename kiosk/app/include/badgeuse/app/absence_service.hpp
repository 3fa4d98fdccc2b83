// AbsenceService: a family declaring an absence at the kiosk under core's rule (absence_request.hpp),
// stored with its outbox row (kind "absence") so that the planning shows the days as absent at once
// and the sync client pushes it as protocol::AbsenceDeclared.
#pragma once

#include "badgeuse/app/uuid_source.hpp"
#include "badgeuse/core/absence_request.hpp"
#include "badgeuse/core/clock.hpp"
#include "badgeuse/store/store.hpp"

#include <string_view>

namespace badgeuse::app {

struct AbsenceDeclared {
    AbsenceProblem problem = AbsenceProblem::None; // None: recorded
    Uuid id;                                       // the declaration's, when recorded
};

class AbsenceService {
public:
    AbsenceService(store::Store& store, const Clock& clock, UuidSource& uuids,
                   AbsenceRequestRules rules = {});

    // Checks the request against today (by the kiosk's clock) and records it. Fails only when the
    // store does; a request the rule refuses writes nothing and says why.
    Result<AbsenceDeclared> declare(FamilyId family, ChildId child, Date from, Date to,
                                    std::string_view reason);

private:
    store::Store* m_store;
    const Clock* m_clock;
    UuidSource* m_uuids;
    AbsenceRequestRules m_rules;
};

} // namespace badgeuse::app
