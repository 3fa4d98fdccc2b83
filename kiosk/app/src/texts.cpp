// The data-dependent texts. French words are the msgids; English comes from the catalog.
#include "badgeuse/app/texts.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <array>

namespace badgeuse::app {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"janvier",   "février", "mars",     "avril",
                                                      "mai",       "juin",    "juillet",  "août",
                                                      "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 7> kWeekdays = {"dimanche", "lundi",    "mardi", "mercredi",
                                                       "jeudi",    "vendredi", "samedi"};
constexpr std::array<std::string_view, 7> kShortWeekdays = {"dim.", "lun.", "mar.", "mer.",
                                                            "jeu.", "ven.", "sam."};

} // namespace

std::string weekday_text(std::chrono::weekday day, const Catalog& catalog) {
    return std::string(catalog.tr(kWeekdays[day.c_encoding()]));
}

std::string sync_text(const SyncHealth& sync, Instant now, const Catalog& catalog) {
    switch (sync.link) {
    case SyncLink::NotConfigured:
        return std::string(catalog.tr("Synchronisation non configurée"));
    case SyncLink::Connecting:
        return std::string(catalog.tr("Connexion au portail…"));
    case SyncLink::Online:
        return std::string(catalog.tr("En ligne"));
    case SyncLink::Offline:
        break;
    }
    if (!sync.offline_since)
        return std::string(catalog.tr("Hors ligne"));
    if (paris::local_date(*sync.offline_since) == paris::local_date(now))
        return fill(catalog.tr("Hors ligne depuis {time}"),
                    {{"time", paris::format_hhmm(*sync.offline_since)}});
    return fill(catalog.tr("Hors ligne depuis le {date}"),
                {{"date", day_month_text(paris::local_date(*sync.offline_since), catalog)}});
}

std::string long_date_text(Date day, const Catalog& catalog) {
    return fill(catalog.tr("{weekday} {day} {month} {year}"),
                {{"weekday", weekday_text(weekday_of(day), catalog)},
                 {"day", std::to_string(static_cast<unsigned>(day.day()))},
                 {"month", catalog.tr(kMonths[static_cast<unsigned>(day.month()) - 1])},
                 {"year", std::to_string(static_cast<int>(day.year()))}});
}

std::string short_day_text(Date day, const Catalog& catalog) {
    return std::string(catalog.tr(kShortWeekdays[weekday_of(day).c_encoding()])) + " " +
           std::to_string(static_cast<unsigned>(day.day()));
}

std::string day_month_text(Date day, const Catalog& catalog) {
    return std::to_string(static_cast<unsigned>(day.day())) + " " +
           std::string(catalog.tr(kMonths[static_cast<unsigned>(day.month()) - 1]));
}

std::string range_text(Date first, Date last, const Catalog& catalog) {
    auto year = [](Date d) { return std::to_string(static_cast<int>(d.year())); };
    std::string from = first.year() != last.year()     ? day_month_text(first, catalog) + " " + year(first)
                       : first.month() != last.month() ? day_month_text(first, catalog)
                                                       : std::to_string(static_cast<unsigned>(first.day()));
    return fill(catalog.tr("du {from} au {to}"),
                {{"from", from}, {"to", day_month_text(last, catalog) + " " + year(last)}});
}

std::string days_text(Date first, Date last, const Catalog& catalog) {
    if (first != last)
        return range_text(first, last, catalog);
    return fill(catalog.tr("le {date}"), {{"date", day_month_text(first, catalog) + " " +
                                                       std::to_string(static_cast<int>(first.year()))}});
}

std::string activity_hours_text(const Activity& activity) {
    return activity.name + " " + activity.opening.start.to_string() + "\u2013" +
           activity.opening.end.to_string();
}

std::string deadline_text(const BookingWindow& window, Instant now, const Catalog& catalog,
                          TextLength length) {
    switch (window.state) {
    case BookingWindow::State::Open: {
        auto local = paris::to_local(window.deadline);
        if (length == TextLength::Short)
            return fill(catalog.tr("jusqu'au {weekday} {time}"),
                        {{"weekday", catalog.tr(kShortWeekdays[weekday_of(local.date).c_encoding()])},
                         {"time", paris::format_hhmm(window.deadline)}});
        // Within the same day the weekday says nothing: "jusqu'à 10:00" reads better.
        if (local.date == paris::local_date(now))
            return fill(catalog.tr("modifiable jusqu'à {time}"),
                        {{"time", paris::format_hhmm(window.deadline)}});
        return fill(catalog.tr("modifiable jusqu'au {weekday} {time}"),
                    {{"weekday", weekday_text(weekday_of(local.date), catalog)},
                     {"time", paris::format_hhmm(window.deadline)}});
    }
    case BookingWindow::State::DeadlinePassed:
        return std::string(catalog.tr("délai dépassé"));
    case BookingWindow::State::NoService:
        return window.closure ? window.closure->label : std::string{};
    }
    return {};
}

VerdictTexts verdict_texts(const CheckInDecision& d, const Catalog& catalog) {
    VerdictTexts t;
    const bool meal = d.activity_kind == ActivityKind::Meal;
    auto hello = [&] { return fill(catalog.tr("Bonjour {name} !"), {{"name", d.first_name}}); };
    switch (d.verdict) {
    case Verdict::Welcome:
        t.headline = hello();
        t.message = catalog.tr(meal ? "Bon appétit !" : "Bienvenue !");
        t.detail = d.activity_name;
        break;
    case Verdict::AcceptedNotReserved:
        t.headline = hello();
        t.message = catalog.tr("Va voir un animateur");
        t.detail = catalog.tr("Pas de réservation aujourd'hui");
        break;
    case Verdict::AcceptedDeclaredAbsent:
        t.headline = hello();
        t.message = catalog.tr("Va voir un animateur");
        t.detail = catalog.tr("Absence déclarée pour aujourd'hui");
        break;
    case Verdict::Goodbye:
        t.headline = fill(catalog.tr("Au revoir {name} !"), {{"name", d.first_name}});
        t.message = catalog.tr("À bientôt !");
        t.detail = d.activity_name;
        break;
    case Verdict::AlreadyRecorded:
        t.headline = fill(catalog.tr("{name}, déjà pointé"), {{"name", d.first_name}});
        t.message = catalog.tr("C'est bon, tu es déjà enregistré");
        if (d.earlier_tap)
            t.detail = fill(catalog.tr("à {time}"), {{"time", paris::format_hhmm(*d.earlier_tap)}});
        break;
    case Verdict::UnknownBadge:
        t.headline = catalog.tr("Badge inconnu");
        t.message = catalog.tr("Va voir un animateur");
        break;
    case Verdict::RevokedBadge:
        t.headline = catalog.tr("Badge désactivé");
        t.message = catalog.tr("Va voir un animateur");
        break;
    case Verdict::NoActivityOpen:
        t.headline = catalog.tr("Pas d'activité maintenant");
        t.message = catalog.tr("Reviens plus tard");
        if (d.next_opening) {
            auto local = paris::to_local(*d.next_opening);
            t.detail = fill(catalog.tr("Prochaine ouverture : {activity}, {weekday} à {time}"),
                            {{"activity", d.next_activity_name},
                             {"weekday", weekday_text(weekday_of(local.date), catalog)},
                             {"time", paris::format_hhmm(*d.next_opening)}});
        }
        break;
    case Verdict::NotAChildBadge:
        t.headline = catalog.tr("Badge adulte");
        break;
    }
    return t;
}

} // namespace badgeuse::app
