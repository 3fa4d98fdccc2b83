// The view-models the screens draw and the intents they record: plain data, texts already translated,
// so that each screen's logic is tested without a window and the UI holds no business rule.
#pragma once

#include "badgeuse/core/check_in.hpp"

#include <optional>
#include <string>
#include <vector>

namespace badgeuse::app {

enum class Screen {
    Badge,
    Verdict,
    ParentSignIn,
    ParentWeek,
    LongPeriod,
    Absence,  // parents declare an absence
    PinReset, // parents choose a new PIN with the code the town hall gave them
    StaffSignIn,
    StaffRoster,
    ChildSearch,  // staff: a child by name, on the letter keyboard
    ChildCard,    // staff: the child's card, manual arrival / departure / undo
    PickUp,       // staff: who takes the child home from evening care
    UnheldBadges, // staff: badges tapped today that nobody holds
    KioskState,   // staff: reader, sync, disk, version, "Synchroniser maintenant"
};
std::string_view screen_key(Screen screen); // "badge", "verdict", ...

// Whether the screen is dimmed after a long idle time (it wakes on a touch or a badge).
enum class Brightness { Normal, Dimmed };

struct DemoBadge {
    std::string label; // "Léa (réservée)"
    std::string uid;
    char key = 0; // the keyboard shortcut, '1'..'9'
};

struct BadgeView {
    std::string clock;    // "11:42"
    std::string date;     // "vendredi 4 décembre 2026"
    std::string activity; // "Restauration scolaire 11:30–13:30", or what opens next
    bool activity_open = false;
    std::string counts; // "12 présents / 85 attendus"
    std::string prompt; // "Passe ton badge"
    std::string sync;   // "Hors ligne · 37 événements en attente"
    std::string reader; // "Lecteur connecté", or what staff should do
    bool reader_ok = true;
    std::string parents_button;
    std::string staff_button;
    std::string language_button; // "English" / "Français"
    std::string demo_title;      // empty outside --demo
    std::vector<DemoBadge> demo_badges;
    Brightness brightness = Brightness::Normal;
};

struct VerdictView {
    Verdict verdict = Verdict::Welcome;
    Tone tone = Tone::Neutral;
    std::string headline; // "Bonjour Léa"
    std::string message;  // "Bon appétit !"
    std::string detail;   // the activity, or the next opening
    bool health_marker = false;
    std::string health_label;         // "PAI / allergie" for staff
    std::vector<std::string> waiting; // the headlines of the verdicts still to show
    float elapsed = 0;                // 0..1 of this verdict's time on screen
};

// The PIN (and, for families, subscriber code) entry on the on-screen keypad.
struct SignInView {
    std::string title;   // "Espace parents"
    std::string prompt;  // "Code abonné" / "Code PIN"
    std::string entry;   // what was typed, the PIN masked
    std::string prefix;  // "BLENFANCE-12087-" before the typed digits
    std::string message; // "Code PIN incorrect, 3 essais restants", "Bloqué jusqu'à 10:57"
    bool locked = false;
    std::string back_button;
    std::string ok_button;
    std::string clear_button;
    std::string reset_button; // "J'ai un code de réinitialisation", on the family's first step only
};

enum class CellState { Reserved, NotReserved, Absent, Closed, NotRun };

struct WeekCell {
    CellState state = CellState::NotRun;
    bool can_change = false;
    std::string label;          // "Réservé", "Non réservé", "Absent", "Vacances de Noël", ""
    std::string deadline;       // "modifiable jusqu'au mardi 10:00", "délai dépassé"
    std::string deadline_short; // "jusqu'au mar. 10:00", for narrow screens
};

struct WeekRow {
    std::string activity;        // "Restauration scolaire 11:30–13:30"
    std::vector<WeekCell> cells; // one a day, Monday to Friday
};

struct ChangeLine {
    std::string text;  // "Léa · Restauration scolaire · jeudi 10 déc. · annulation"
    std::string state; // "en attente d'envoi", "acceptée", "refusée : délai dépassé"
};

struct WeekView {
    std::string title;                 // "Famille Martin"
    std::string week;                  // "Semaine du 7 au 11 décembre 2026"
    std::vector<std::string> children; // first names, for the tabs
    int child = 0;                     // the selected tab
    std::vector<std::string> days;     // "lun. 7", ...
    std::vector<WeekRow> rows;         // the selected child's activities
    std::string message;               // what the last tap did, or why it could not
    std::vector<ChangeLine> recent;
    std::string recent_title;
    std::string sign_out_button;
    std::string long_period_button;
    std::string previous_button;
    std::string next_button;
    std::string absence_button; // "Déclarer une absence"
    std::string sign_out_in;    // "Déconnexion dans 42 s"
};

// Parents declare an absence for the child of the selected tab: first and last day, a reason.
struct AbsenceView {
    std::string title; // "Déclarer une absence · Léa"
    std::string from_label;
    std::string from; // "lundi 7 décembre"
    std::string to_label;
    std::string to;
    std::string earlier_button; // "−1 j"
    std::string later_button;   // "+1 j"
    std::string reason_label;
    std::vector<std::string> reasons; // "Maladie", "Rendez-vous médical", ...
    int reason = -1;                  // the chosen one, -1 before a choice
    std::string summary;              // "Léa sera absente 3 jours, du 7 au 9 décembre 2026"
    std::string problem;              // why it cannot be confirmed yet
    bool can_confirm = false;
    std::string confirm_button;
    std::string back_button;
};

struct LongPeriodView {
    std::string title;
    std::string child;
    std::string range; // "du lundi 7 décembre au vendredi 18 décembre"
    std::vector<std::string> weekday_labels;
    std::vector<bool> weekdays;
    std::vector<std::string> activity_labels;
    std::vector<bool> activities;
    std::string action_book;
    std::string action_cancel;
    bool cancel = false;
    std::string summary;            // "12 changements · 2 trop tard · 3 fermés"
    std::vector<std::string> lines; // what cannot be done, and why
    std::string confirm_button;
    std::string back_button;
    std::string shorter_button;
    std::string longer_button;
    bool can_confirm = false;
};

struct RosterLine {
    std::string name; // "MARTIN Léa"
    std::string class_name;
    std::string status; // "présent 11:42", "manquant", "non prévu"
    bool health_marker = false;
    bool unexpected = false;
    bool missing = false;
};

struct RosterView {
    std::string title; // "Personnel · Sophie"
    std::vector<std::string> activities;
    int activity = 0;
    std::string counts; // "Attendus 85 · Présents 60 · Manquants 25 · Non prévus 2 · Partis 0"
    std::string diets;  // "Standard 50/40 · Sans porc 20/18 ..."
    std::vector<RosterLine> lines;
    std::string sign_out_button;
    std::string roll_call_button;
    std::string search_button;        // "Chercher un enfant"
    std::string unheld_badges_button; // "Badges sans titulaire (2)"
    std::string kiosk_state_button;   // "État de la borne"
    std::string state;                // "Lecteur connecté · 37 événements en attente · version 0.1.0"
};

// The on-screen letter keyboard's search for a child, to open the card or to give a badge.
struct ChildSearchView {
    std::string title;  // "Chercher un enfant", "Donner le badge 04A1B2C3 à…"
    std::string query;  // what was typed
    std::string prompt; // "Tapez le début du prénom ou du nom", or "12 enfants : tapez la suite"
    std::vector<std::string> results; // "MARTIN Léa · CP-A", at most kSearchResultsShown
    std::string back_button;
    std::string space_label; // "Espace"
    std::string erase_label; // "⌫"
    std::string clear_label; // "Effacer"
};
inline constexpr std::size_t kSearchResultsShown = 3;

struct CardLine {
    std::string label;  // "Sophie Martin (parent)"
    std::string detail; // the phone number
};

struct ChildCardView {
    std::string name;       // "MARTIN Léa"
    std::string class_name; // "Classe CP-A"
    std::string diet;       // "Repas : sans porc"
    bool health_marker = false;
    std::string health_label; // "+ PAI / allergie"
    std::string health_note;
    std::string guardians_title;
    std::vector<CardLine> guardians;
    std::string adults_title;
    std::vector<CardLine> adults; // authorised adults
    std::string activity;         // "Périscolaire soir" (the roster's activity)
    std::string status;           // "présent depuis 16:40", "pas encore arrivé"
    std::string arrival_button;
    std::string departure_button;
    bool can_depart = false; // the activity records departures
    std::string undo_button;
    std::string message;
    bool message_is_refusal = false;
    std::string back_button;
};

// Evening care: the adult who takes the child, from the list or typed on the letter keyboard.
struct PickUpView {
    std::string title;            // "Départ de Léa : qui vient la chercher ?"
    std::vector<CardLine> adults; // guardians then authorised adults
    std::string other_button;     // "Une autre personne…"
    bool typing = false;          // the keyboard is up for another name
    std::string typed;
    std::string confirm_button;
    std::string message; // the refusal: "Cette personne n'est pas autorisée à récupérer Léa : ..."
    std::string back_button;
    std::string space_label;
    std::string erase_label;
    std::string clear_label;
};

struct UnheldBadgeLine {
    std::string uid;    // "04A1B2C3D4"
    std::string detail; // "3 passages, le dernier à 11:42"
};

struct UnheldBadgesView {
    std::string title;
    std::vector<UnheldBadgeLine> badges;
    std::string give_button; // "Donner ce badge à…"
    std::string empty;       // "Aucun badge inconnu aujourd'hui"
    std::string message;     // "Badge 04A1B2C3 donné à MARTIN Léa"
    std::string back_button;
};

struct StateLine {
    std::string label; // "Lecteur"
    std::string value; // "connecté (nfc) · 0 passage perdu"
    bool warning = false;
};

struct KioskStateView {
    std::string title;
    std::vector<StateLine> lines;
    std::string sync_button; // "Synchroniser maintenant"
    bool can_sync = false;
    std::string sync_unavailable; // why not, when it cannot
    std::string message;          // "Synchronisation demandée"
    std::string back_button;
};

// What the user asked for during a frame. The app applies them after the frame (DESIGN.md, Screens).
enum class Command {
    OpenParents,
    OpenStaff,
    Back,
    SignOut,
    ToggleLanguage,
    PreviousWeek,
    NextWeek,
    OpenLongPeriod,
    LongPeriodShorter,
    LongPeriodLonger,
    LongPeriodBook,
    LongPeriodCancel,
    ConfirmLongPeriod,
    RollCall,
    OpenAbsence,
    AbsenceFromEarlier,
    AbsenceFromLater,
    AbsenceToEarlier,
    AbsenceToLater,
    ConfirmAbsence,
    OpenChildSearch,
    ManualArrival,
    ManualDeparture,
    UndoLast,
    OtherAdult,
    ConfirmOtherAdult,
    OpenUnheldBadges,
    OpenKioskState,
    SyncNow,
    OpenPinReset,
};

struct CellRef {
    int row = 0; // activity
    int day = 0; // 0 = Monday
};

struct Intents {
    std::vector<Command> commands;
    std::optional<std::string> demo_tap; // a badge of the demo panel
    std::optional<char> key;             // keypad: '0'..'9', 'C' clear, '<' erase, '\n' confirm
    std::optional<CellRef> toggle_cell;
    std::optional<int> select_tab; // a child (parents) or an activity (staff)
    std::optional<int> toggle_weekday;
    std::optional<int> toggle_activity;
    // The letter keyboard: 'A'..'Z', '-', ' ', '<' erase, '#' clear.
    std::optional<char> letter;
    // A line of the screen's list: a reason (absence), a search result, an adult (pick-up), a badge.
    std::optional<int> pick;

    bool empty() const {
        return commands.empty() && !demo_tap && !key && !toggle_cell && !select_tab && !toggle_weekday &&
               !toggle_activity && !letter && !pick;
    }
};

} // namespace badgeuse::app
