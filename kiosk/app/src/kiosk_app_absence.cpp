// KioskApp, parents' absence form: first and last day moved a day at a time, a reason from core's
// short list, a summary, and AbsenceService to record it; the planning then shows the days as absent.
#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/texts.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <algorithm>

namespace badgeuse::app {
namespace {

// The reasons as parents read them, in the order of core's kAbsenceReasons.
constexpr std::string_view kReasonLabels[] = {"Maladie", "Rendez-vous médical", "Raison familiale",
                                              "Autre raison"};
static_assert(std::size(kReasonLabels) == std::size(kAbsenceReasons));

std::string problem_text(AbsenceProblem problem, const Catalog& c) {
    switch (problem) {
    case AbsenceProblem::None:
        return {};
    case AbsenceProblem::EndsBeforeStart:
        return std::string(c.tr("Le dernier jour est avant le premier"));
    case AbsenceProblem::StartsInThePast:
        return std::string(c.tr("Une absence commence aujourd'hui au plus tôt"));
    case AbsenceProblem::TooLong:
        return std::string(c.tr("Pour plus de 60 jours, adressez-vous à la mairie"));
    case AbsenceProblem::UnknownReason:
        return std::string(c.tr("Choisissez une raison"));
    }
    return {};
}

Date monday_of(Date day) {
    return add_days(day, -static_cast<int>(weekday_of(day).iso_encoding() - 1));
}

std::string_view reason_key(int index) {
    if (index < 0 || index >= static_cast<int>(std::size(kAbsenceReasons)))
        return {};
    return kAbsenceReasons[static_cast<std::size_t>(index)];
}

} // namespace

void KioskApp::open_absence() {
    Date today = paris::local_date(m_clock->now());
    m_absence_from = today;
    m_absence_to = today;
    m_absence_reason = -1;
    go_to(Screen::Absence);
}

void KioskApp::apply_absence(const Intents& intents, Screen drawn) {
    if (drawn != Screen::Absence || !m_family)
        return;
    if (intents.pick && *intents.pick >= 0 && *intents.pick < static_cast<int>(std::size(kAbsenceReasons)))
        m_absence_reason = *intents.pick;
    for (Command command : intents.commands) {
        switch (command) {
        case Command::AbsenceFromEarlier:
            m_absence_from = add_days(m_absence_from, -1);
            break;
        case Command::AbsenceFromLater:
            m_absence_from = add_days(m_absence_from, 1);
            m_absence_to = std::max(m_absence_to, m_absence_from); // the range follows its start
            break;
        case Command::AbsenceToEarlier:
            m_absence_to = add_days(m_absence_to, -1);
            break;
        case Command::AbsenceToLater:
            m_absence_to = add_days(m_absence_to, 1);
            break;
        case Command::ConfirmAbsence: {
            auto children = m_store->children().for_family(*m_family);
            if (!children || children->empty())
                break;
            const Child& child = (*children)[static_cast<std::size_t>(
                std::clamp(m_child_tab, 0, static_cast<int>(children->size()) - 1))];
            auto declared = m_absences->declare(*m_family, child.id, m_absence_from, m_absence_to,
                                                reason_key(m_absence_reason));
            if (!declared) {
                m_week_message = declared.error().message;
            } else if (declared->problem != AbsenceProblem::None) {
                break; // the form already says why; nothing was written
            } else {
                m_week_message = fill(catalog().tr("Absence enregistrée : {child}, {range}"),
                                      {{"child", child.first_name},
                                       {"range", days_text(m_absence_from, m_absence_to, catalog())}});
                // The planning opens on the week the absence starts in, where it shows.
                m_week_offset = std::clamp(
                    days_between(monday_of(paris::local_date(m_clock->now())), m_absence_from) / 7, 0, 12);
            }
            go_to(Screen::ParentWeek);
            break;
        }
        default:
            break;
        }
    }
}

AbsenceView KioskApp::absence_view() const {
    const Catalog& c = catalog();
    AbsenceView v;
    std::string child_name;
    if (m_family)
        if (auto children = m_store->children().for_family(*m_family); children && !children->empty())
            child_name = (*children)[static_cast<std::size_t>(
                                         std::clamp(m_child_tab, 0, static_cast<int>(children->size()) - 1))]
                             .first_name;
    v.title = fill(c.tr("Déclarer une absence · {child}"), {{"child", child_name}});
    v.from_label = c.tr("Premier jour");
    v.to_label = c.tr("Dernier jour");
    auto day_text = [&](Date d) { return weekday_text(weekday_of(d), c) + " " + day_month_text(d, c); };
    v.from = day_text(m_absence_from);
    v.to = day_text(m_absence_to);
    v.earlier_button = c.tr("- 1 jour");
    v.later_button = c.tr("+ 1 jour");
    v.reason_label = c.tr("Raison");
    for (auto label : kReasonLabels)
        v.reasons.push_back(std::string(c.tr(label)));
    v.reason = m_absence_reason;
    auto problem = check_absence_request(paris::local_date(m_clock->now()), m_absence_from, m_absence_to,
                                         reason_key(m_absence_reason));
    v.problem = problem_text(problem, c);
    v.can_confirm = problem == AbsenceProblem::None;
    if (problem != AbsenceProblem::EndsBeforeStart) {
        int days = days_between(m_absence_from, m_absence_to) + 1;
        v.summary = fill(c.tr(days == 1 ? "Absence de {child} : 1 jour, {range}"
                                        : "Absence de {child} : {count} jours, {range}"),
                         {{"child", child_name},
                          {"count", std::to_string(days)},
                          {"range", days_text(m_absence_from, m_absence_to, c)}});
    }
    v.confirm_button = c.tr("Confirmer l'absence");
    v.back_button = c.tr("Retour");
    return v;
}

} // namespace badgeuse::app
