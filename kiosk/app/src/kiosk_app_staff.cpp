// KioskApp, staff screens beyond the roster: a child found by name on the letter keyboard, the child's
// card with manual arrival, departure and undo (CheckInService::manual, core's decide_manual), the
// evening-care pick-up, badges nobody holds given to a child, and the kiosk's state.
#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/texts.hpp"
#include "badgeuse/core/name_search.hpp"
#include "badgeuse/core/paris_time.hpp"

#include <algorithm>
#include <cmath>

namespace badgeuse::app {
namespace {

constexpr std::size_t kMaxTypedName = 40;

// As the roster writes it: the last name first, then the first name.
std::string full_name(const Child& child) {
    return child.last_name + " " + child.first_name;
}

std::string relation_text(const PickUpAdult& adult, const Catalog& c) {
    return adult.relation.empty() ? adult.name : adult.name + " (" + std::string(c.tr(adult.relation)) + ")";
}

std::string bytes_text(std::uintmax_t bytes) {
    constexpr double kMiB = 1024.0 * 1024.0;
    double mib = static_cast<double>(bytes) / kMiB;
    if (mib >= 1024.0) {
        auto tenths = static_cast<long long>(std::llround(mib / 1024.0 * 10.0));
        return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " Go";
    }
    return std::to_string(static_cast<long long>(std::llround(mib))) + " Mo";
}

} // namespace

std::optional<StaffId> KioskApp::signed_in_staff() const {
    const auto& session = m_sessions->current();
    if (!session || session->subject.kind != SubjectKind::Staff)
        return std::nullopt;
    return StaffId{session->subject.id};
}

const Activity* KioskApp::staff_activity() const {
    const auto& activities = m_check_in->activities();
    if (activities.empty())
        return nullptr;
    return &activities[static_cast<std::size_t>(
        std::clamp(m_activity_tab, 0, static_cast<int>(activities.size()) - 1))];
}

std::optional<Child> KioskApp::card_child() const {
    if (!m_card)
        return std::nullopt;
    auto child = m_store->children().get(*m_card);
    if (!child || !*child)
        return std::nullopt;
    return **child;
}

void KioskApp::open_search(SearchPurpose purpose) {
    m_search_purpose = purpose;
    m_query.clear();
    m_search_results.clear();
    go_to(Screen::ChildSearch);
}

void KioskApp::on_letter(char letter, std::string& text) {
    if (letter == '<') {
        if (!text.empty())
            text.pop_back();
    } else if (letter == '#') {
        text.clear();
    } else if (text.size() < kMaxTypedName &&
               ((letter >= 'A' && letter <= 'Z') || letter == ' ' || letter == '-')) {
        if (letter == ' ' && (text.empty() || text.back() == ' '))
            return;
        text += letter;
    }
}

void KioskApp::refresh_search() {
    m_search_results.clear();
    if (fold_name(m_query).empty())
        return;
    auto children = m_store->children().list();
    if (!children)
        return;
    for (auto& child : *children)
        if (name_matches(child.last_name + " " + child.first_name, m_query))
            m_search_results.push_back(std::move(child));
    std::sort(m_search_results.begin(), m_search_results.end(), [](const Child& a, const Child& b) {
        return fold_name(a.last_name + " " + a.first_name) < fold_name(b.last_name + " " + b.first_name);
    });
}

void KioskApp::record_manual(ManualAction action, std::string picked_up_by) {
    const Catalog& c = catalog();
    auto staff = signed_in_staff();
    auto child = card_child();
    const Activity* activity = staff_activity();
    if (!staff || !child || !activity)
        return;
    ManualRequest request{child->id, activity->id, action, *staff, std::move(picked_up_by)};
    auto outcome = m_check_in->manual(request);
    m_card_refusal = true;
    m_pick_up_message.clear();
    if (!outcome) {
        m_card_message = outcome.error().message;
        return;
    }
    const auto& d = outcome->decision;
    auto earlier = d.earlier ? paris::format_hhmm(*d.earlier) : std::string{};
    switch (d.outcome) {
    case ManualOutcome::Record:
        m_card_refusal = false;
        if (action == ManualAction::Arrival)
            m_card_message =
                fill(c.tr("Arrivée enregistrée à {time}"), {{"time", paris::format_hhmm(outcome->at)}});
        else if (action == ManualAction::Departure)
            m_card_message = fill(c.tr("Départ enregistré à {time}, avec {adult}"),
                                  {{"time", paris::format_hhmm(outcome->at)}, {"adult", d.picked_up_by}});
        else
            m_card_message =
                c.tr(d.voided_kind == EventKind::Departure ? "Départ annulé" : "Arrivée annulée");
        refresh_counts();
        break;
    case ManualOutcome::NotRunToday:
        m_card_message = fill(c.tr("{activity} n'a pas lieu aujourd'hui"), {{"activity", activity->name}});
        break;
    case ManualOutcome::AlreadyArrived:
        m_card_message = fill(c.tr("Déjà arrivé(e) à {time}"), {{"time", earlier}});
        break;
    case ManualOutcome::NotArrived:
        m_card_message = c.tr("Pas d'arrivée aujourd'hui : enregistrez d'abord l'arrivée");
        break;
    case ManualOutcome::AlreadyDeparted:
        m_card_message = fill(c.tr("Déjà parti(e) à {time}"), {{"time", earlier}});
        break;
    case ManualOutcome::DeparturesNotKept:
        m_card_message =
            fill(c.tr("{activity} n'enregistre pas les départs"), {{"activity", activity->name}});
        break;
    case ManualOutcome::PickUpMissing:
        m_pick_up_message = c.tr("Choisissez l'adulte qui vient chercher l'enfant");
        return;
    case ManualOutcome::PickUpNotAuthorised:
        m_pick_up_message =
            fill(c.tr("Cette personne n'est pas autorisée à récupérer {child} : contactez la famille"),
                 {{"child", child->first_name}});
        return; // stays on the pick-up screen, with the refusal
    case ManualOutcome::NothingToUndo:
        m_card_message = c.tr("Rien à annuler aujourd'hui pour cette activité");
        break;
    }
    go_to(Screen::ChildCard);
}

void KioskApp::apply_staff(const Intents& intents, Screen drawn) {
    if (!signed_in_staff())
        return;
    switch (drawn) {
    case Screen::ChildSearch:
        if (intents.letter) {
            on_letter(*intents.letter, m_query);
            refresh_search();
        }
        if (intents.pick && *intents.pick >= 0 && *intents.pick < static_cast<int>(m_search_results.size()) &&
            *intents.pick < static_cast<int>(kSearchResultsShown)) {
            const Child& child = m_search_results[static_cast<std::size_t>(*intents.pick)];
            if (m_search_purpose == SearchPurpose::OpenCard) {
                m_card = child.id;
                m_card_message.clear();
                go_to(Screen::ChildCard);
            } else {
                auto given = m_badges->give(m_badge_to_give, child.id, *signed_in_staff());
                if (!given)
                    m_badges_message = given.error().message;
                else if (given->problem == BadgeAssignmentProblem::HeldByAnother)
                    m_badges_message =
                        fill(catalog().tr("Le badge {uid} appartient déjà à quelqu'un : voyez la mairie"),
                             {{"uid", m_badge_to_give}});
                else
                    m_badges_message = fill(catalog().tr("Badge {uid} donné à {child}"),
                                            {{"uid", m_badge_to_give}, {"child", full_name(child)}});
                go_to(Screen::UnheldBadges);
            }
        }
        break;
    case Screen::ChildCard:
        for (Command command : intents.commands) {
            if (command == Command::ManualArrival)
                record_manual(ManualAction::Arrival);
            else if (command == Command::UndoLast)
                record_manual(ManualAction::Undo);
            else if (command == Command::ManualDeparture) {
                m_pick_up_typing = false;
                m_pick_up_typed.clear();
                m_pick_up_message.clear();
                const Activity* activity = staff_activity();
                if (activity && activity->departure == DepartureRecording::On)
                    go_to(Screen::PickUp);
                else
                    record_manual(ManualAction::Departure); // core says why not
            }
        }
        break;
    case Screen::PickUp: {
        if (intents.letter && m_pick_up_typing)
            on_letter(*intents.letter, m_pick_up_typed);
        auto child = card_child();
        if (intents.pick && child) {
            auto guardians = m_store->guardians().for_family(child->family);
            auto adults = pick_up_adults(*child, guardians ? *guardians : std::vector<Guardian>{});
            if (*intents.pick >= 0 && *intents.pick < static_cast<int>(adults.size()))
                record_manual(ManualAction::Departure, adults[static_cast<std::size_t>(*intents.pick)].name);
        }
        for (Command command : intents.commands) {
            if (command == Command::OtherAdult) {
                m_pick_up_typing = true;
                m_pick_up_typed.clear();
                m_pick_up_message.clear();
            } else if (command == Command::ConfirmOtherAdult && m_pick_up_typing) {
                record_manual(ManualAction::Departure, m_pick_up_typed);
            }
        }
        break;
    }
    case Screen::UnheldBadges:
        if (intents.pick) {
            auto unheld = m_badges->unheld_today();
            if (unheld && *intents.pick >= 0 && *intents.pick < static_cast<int>(unheld->size())) {
                m_badge_to_give = (*unheld)[static_cast<std::size_t>(*intents.pick)].uid;
                open_search(SearchPurpose::GiveBadge);
            }
        }
        break;
    case Screen::KioskState:
        for (Command command : intents.commands)
            if (command == Command::SyncNow) {
                if (m_settings.sync_now && m_sync.link != SyncLink::NotConfigured) {
                    m_settings.sync_now();
                    m_state_message = catalog().tr("Synchronisation demandée");
                }
            }
        break;
    default:
        break;
    }
}

ChildSearchView KioskApp::child_search_view() const {
    const Catalog& c = catalog();
    ChildSearchView v;
    v.title = m_search_purpose == SearchPurpose::GiveBadge
                  ? fill(c.tr("Donner le badge {uid} à…"), {{"uid", m_badge_to_give}})
                  : std::string(c.tr("Chercher un enfant"));
    v.query = m_query;
    if (fold_name(m_query).empty())
        v.prompt = c.tr("Tapez le début du prénom ou du nom");
    else if (m_search_results.empty())
        v.prompt = c.tr("Aucun enfant de ce nom");
    else if (m_search_results.size() > kSearchResultsShown)
        v.prompt = fill(c.tr("{count} enfants : tapez la suite du nom"),
                        {{"count", std::to_string(m_search_results.size())}});
    else
        v.prompt = c.tr("Touchez l'enfant");
    for (std::size_t i = 0; i < m_search_results.size() && i < kSearchResultsShown; ++i)
        v.results.push_back(full_name(m_search_results[i]) + " · " + m_search_results[i].class_name);
    v.back_button = c.tr("Retour");
    v.space_label = c.tr("Espace");
    v.erase_label = c.tr("Effacer une lettre");
    v.clear_label = c.tr("Tout effacer");
    return v;
}

ChildCardView KioskApp::child_card_view() const {
    const Catalog& c = catalog();
    ChildCardView v;
    v.back_button = c.tr("Retour");
    auto child = card_child();
    if (!child)
        return v;
    v.name = full_name(*child);
    v.class_name = fill(c.tr("Classe {class}"), {{"class", child->class_name}});
    v.diet = fill(c.tr("Repas : {diet}"), {{"diet", c.tr(diet_label_fr(child->diet))}});
    v.health_marker = child->needs_health_marker();
    if (v.health_marker)
        v.health_label =
            child->pai ? (child->allergy ? c.tr("+ PAI / allergie") : c.tr("+ PAI")) : c.tr("+ allergie");
    v.health_note = child->health_note.empty() && v.health_marker
                        ? std::string(c.tr("Voir la fiche sanitaire"))
                        : child->health_note;
    auto guardians = m_store->guardians().for_family(child->family);
    v.guardians_title = c.tr("Responsables");
    v.adults_title = c.tr("Adultes autorisés à venir chercher l'enfant");
    for (const auto& adult : pick_up_adults(*child, guardians ? *guardians : std::vector<Guardian>{}))
        (adult.relation == "parent" ? v.guardians : v.adults).push_back({adult.name, adult.phone});
    if (const Activity* activity = staff_activity()) {
        v.activity = activity->name;
        v.can_depart = activity->departure == DepartureRecording::On;
        Date today = paris::local_date(m_clock->now());
        auto events = m_store->attendance().for_child_on(child->id, today);
        std::optional<Instant> arrived, departed;
        if (events)
            for (const auto& e : effective_events(*events))
                if (e.activity == activity->id)
                    (e.kind == EventKind::Arrival ? arrived : departed) = e.at;
        v.status = departed  ? fill(c.tr("parti à {time}"), {{"time", paris::format_hhmm(*departed)}})
                   : arrived ? fill(c.tr("présent depuis {time}"), {{"time", paris::format_hhmm(*arrived)}})
                             : std::string(c.tr("pas encore arrivé"));
    }
    v.arrival_button = c.tr("Arrivée manuelle");
    v.departure_button = c.tr("Départ manuel");
    v.undo_button = c.tr("Annuler le dernier pointage");
    v.message = m_card_message;
    v.message_is_refusal = m_card_refusal;
    return v;
}

PickUpView KioskApp::pick_up_view() const {
    const Catalog& c = catalog();
    PickUpView v;
    v.back_button = c.tr("Retour");
    v.other_button = c.tr("Une autre personne…");
    v.confirm_button = c.tr("Valider");
    v.space_label = c.tr("Espace");
    v.erase_label = c.tr("Effacer une lettre");
    v.clear_label = c.tr("Tout effacer");
    v.typing = m_pick_up_typing;
    v.typed = m_pick_up_typed;
    v.message = m_pick_up_message;
    auto child = card_child();
    if (!child)
        return v;
    v.title = fill(c.tr(m_pick_up_typing ? "Départ de {child} : nom de l'adulte"
                                         : "Départ de {child} : avec qui\u00a0?"),
                   {{"child", child->first_name}});
    auto guardians = m_store->guardians().for_family(child->family);
    for (const auto& adult : pick_up_adults(*child, guardians ? *guardians : std::vector<Guardian>{}))
        v.adults.push_back({relation_text(adult, c), adult.phone});
    return v;
}

UnheldBadgesView KioskApp::unheld_badges_view() const {
    const Catalog& c = catalog();
    UnheldBadgesView v;
    v.title = c.tr("Badges passés aujourd'hui sans titulaire");
    v.give_button = c.tr("Donner ce badge à…");
    v.empty = c.tr("Aucun badge inconnu aujourd'hui");
    v.back_button = c.tr("Retour");
    v.message = m_badges_message;
    if (auto unheld = m_badges->unheld_today())
        for (const auto& badge : *unheld)
            v.badges.push_back(
                {badge.uid,
                 fill(c.tr(badge.taps == 1 ? "1 passage, à {time}" : "{count} passages, le dernier à {time}"),
                      {{"count", std::to_string(badge.taps)}, {"time", paris::format_hhmm(badge.last)}})});
    return v;
}

KioskStateView KioskApp::kiosk_state_view() const {
    const Catalog& c = catalog();
    Instant now = m_clock->now();
    KioskStateView v;
    v.title = c.tr("État de la borne");
    v.back_button = c.tr("Retour");
    v.sync_button = c.tr("Synchroniser maintenant");
    v.message = m_state_message;

    std::string reader = std::string(c.tr(m_reader.text));
    if (!m_reader.reader_id.empty())
        reader += " (" + m_reader.reader_id + ")";
    if (!m_reader.detail.empty())
        reader += " · " + m_reader.detail;
    v.lines.push_back({std::string(c.tr("Lecteur")), reader, m_reader.link != ReaderLink::Connected});
    v.lines.push_back({std::string(c.tr("Passages perdus")), std::to_string(m_reader.dropped_taps),
                       m_reader.dropped_taps > 0});

    std::string sync = sync_text(m_sync, now, c);
    if (!m_sync.server.empty())
        sync += " · " + m_sync.server;
    v.lines.push_back({std::string(c.tr("Portail")), sync,
                       m_sync.link == SyncLink::Offline || m_sync.link == SyncLink::NotConfigured});
    auto when = [&](Instant at) {
        return paris::local_date(at) == paris::local_date(now)
                   ? paris::format_hhmm(at)
                   : day_month_text(paris::local_date(at), c) + " " + paris::format_hhmm(at);
    };
    v.lines.push_back({std::string(c.tr("Dernière synchronisation")),
                       m_sync.last_sync ? when(*m_sync.last_sync) : std::string(c.tr("jamais")),
                       !m_sync.last_sync});
    if (m_sync.link == SyncLink::Offline && m_sync.offline_since)
        v.lines.push_back({std::string(c.tr("Hors ligne depuis")), when(*m_sync.offline_since), true});
    auto waiting = m_store->outbox_count();
    v.lines.push_back({std::string(c.tr("Événements en attente")), std::to_string(waiting ? *waiting : 0),
                       waiting && *waiting > 0 && m_sync.link != SyncLink::Online});
    if (!m_sync.last_error.empty())
        v.lines.push_back({std::string(c.tr("Dernière erreur")), m_sync.last_error, true});
    if (m_sync.clock_offset) {
        auto offset = m_sync.clock_offset->count();
        bool warning = m_sync.clock_warning || std::llabs(offset) > 120'000;
        auto seconds = std::llround(static_cast<double>(offset) / 1000.0);
        std::string text = fill(c.tr("{seconds} s d'écart avec le portail"),
                                {{"seconds", (seconds > 0 ? "+" : "") + std::to_string(seconds)}});
        if (warning)
            text += " · " + std::string(c.tr("plus de 2 minutes : faites régler l'horloge"));
        v.lines.push_back({std::string(c.tr("Horloge")), text, warning});
    }
    auto folder = m_store->path().parent_path();
    std::optional<std::uintmax_t> free;
    if (m_settings.free_disk_space)
        free = m_settings.free_disk_space(folder.empty() ? std::filesystem::path(".") : folder);
    v.lines.push_back({std::string(c.tr("Espace libre")),
                       free ? bytes_text(*free) : std::string(c.tr("inconnu")),
                       !free || *free < kLowDiskSpace});
    v.lines.push_back({std::string(c.tr("Version")), m_settings.version, false});

    if (m_sync.link == SyncLink::NotConfigured || !m_settings.sync_now)
        v.sync_unavailable = c.tr("La synchronisation n'est pas configurée (kiosk.toml, [sync])");
    else
        v.can_sync = true;
    return v;
}

} // namespace badgeuse::app
