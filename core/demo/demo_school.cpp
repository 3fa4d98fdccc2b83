// The fictional school: classes, families, children, staff, badges, then a term of reservations and
// absences that follows each family's week and the site's calendar.
#include "badgeuse/demo/demo_school.hpp"

#include "badgeuse/demo/demo_random.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace badgeuse::demo {
namespace {

// Names a class in a town of the Oise could call out, with the accents a kiosk font must draw.
constexpr std::string_view kGirls[] = {
    "Léa",      "Chloé",    "Maëlys",    "Zoé",     "Anaïs",    "Emma",  "Jade",     "Louise",    "Alice",
    "Inès",     "Léna",     "Manon",     "Camille", "Juliette", "Lucie", "Océane",   "Héloïse",   "Noémie",
    "Clémence", "Éléonore", "Agathe",    "Rose",    "Ambre",    "Lina",  "Mila",     "Romane",    "Lola",
    "Margaux",  "Élise",    "Capucine",  "Maëlle",  "Salomé",   "Nina",  "Léonie",   "Gabrielle", "Sarah",
    "Zélie",    "Solène",   "Maïa",      "Iris",    "Lou",      "Thaïs", "Anaëlle",  "Mélina",    "Célia",
    "Éléa",     "Mathilde", "Charlotte", "Adèle",   "Jeanne",   "Clara", "Apolline", "Ysé",       "Aïcha"};
constexpr std::string_view kBoys[] = {
    "Noé",     "Gabriel", "Raphaël", "Léo",     "Louis",    "Lucas",    "Jules",    "Hugo",     "Arthur",
    "Adam",    "Maël",    "Nathan",  "Ethan",   "Noah",     "Timéo",    "Théo",     "Mathéo",   "Enzo",
    "Clément", "Gaël",    "Anaël",   "Eliott",  "Côme",     "Théodore", "Baptiste", "Valentin", "Évan",
    "Sacha",   "Tom",     "Axel",    "Nolan",   "Timothée", "Bastien",  "Rayan",    "Maxence",  "Célestin",
    "Mathis",  "Aloïs",   "Gaspard", "Antoine", "Victor",   "Paul",     "Joachim",  "Éloi",     "Ilyès"};
constexpr std::string_view kWomen[] = {
    "Hélène",   "Céline",    "Aurélie",  "Stéphanie", "Élodie",  "Mélanie",   "Sandrine",
    "Nathalie", "Émilie",    "Amélie",   "Karine",    "Valérie", "Séverine",  "Virginie",
    "Delphine", "Marion",    "Laëtitia", "Anaïs",     "Sophie",  "Caroline",  "Gaëlle",
    "Audrey",   "Julie",     "Cécile",   "Coralie",   "Ophélie", "Angélique", "Laure",
    "Maud",     "Géraldine", "Justine",  "Pauline",   "Fatima",  "Nadège",    "Bérénice"};
constexpr std::string_view kMen[] = {
    "François", "Jérémy",    "Sébastien", "Frédéric", "Jérôme",  "Cédric",  "Stéphane", "Grégory", "Thibault",
    "Benoît",   "Guillaume", "Julien",    "Nicolas",  "Fabien",  "Ludovic", "Jérémie",  "Mickaël", "Anthony",
    "Romain",   "Damien",    "Rémi",      "Olivier",  "Mathieu", "Yannick", "Loïc",     "Hervé",   "Aurélien",
    "Gaëtan",   "Kévin",     "Jonathan",  "Maxime",   "Arnaud",  "Cyril",   "Karim",    "Joël"};
constexpr std::string_view kElderWomen[] = {"Monique",    "Josiane",   "Chantal", "Brigitte", "Martine",
                                            "Jacqueline", "Françoise", "Michèle", "Danièle",  "Évelyne",
                                            "Annick",     "Gisèle",    "Colette", "Solange",  "Ginette"};
constexpr std::string_view kElderMen[] = {"Bernard", "Gérard",  "Jean-Pierre", "Michel",  "Alain",
                                          "Daniel",  "René",    "Jean-Claude", "André",   "Serge",
                                          "Gilbert", "Raymond", "Guy",         "Jacques", "Roger"};
constexpr std::string_view kLastNames[] = {
    "Martin",    "Bernard",     "Dubois",    "Thomas",    "Robert",     "Richard",   "Petit",    "Durand",
    "Leroy",     "Moreau",      "Simon",     "Laurent",   "Lefèvre",    "Michel",    "Garcia",   "David",
    "Bertrand",  "Roux",        "Vincent",   "Fournier",  "Morel",      "Girard",    "André",    "Lefebvre",
    "Mercier",   "Dupont",      "Lambert",   "Bonnet",    "François",   "Martinez",  "Legrand",  "Garnier",
    "Faure",     "Rousseau",    "Blanc",     "Guérin",    "Muller",     "Henry",     "Roussel",  "Nicolas",
    "Perrin",    "Morin",       "Mathieu",   "Clément",   "Gauthier",   "Dumont",    "Lopez",    "Fontaine",
    "Chevalier", "Robin",       "Masson",    "Sanchez",   "Gérard",     "Nguyen",    "Boyer",    "Denis",
    "Lemaire",   "Duval",       "Joly",      "Roger",     "Roche",      "Roy",       "Noël",     "Meyer",
    "Lucas",     "Meunier",     "Pérez",     "Marchand",  "Dufour",     "Blanchard", "Barbier",  "Brun",
    "Dumas",     "Brunet",      "Schmitt",   "Leroux",    "Colin",      "Fernandes", "Renard",   "Arnaud",
    "Caron",     "Aubert",      "Giraud",    "Leclerc",   "Vidal",      "Bourgeois", "Renaud",   "Lemoine",
    "Picard",    "Gaillard",    "Leclercq",  "Lacroix",   "Fabre",      "Dupuis",    "Olivier",  "Rodrigues",
    "Da Silva",  "Hubert",      "Guillot",   "Rivière",   "Le Gall",    "Benoît",    "Moulin",   "Berger",
    "Lecomte",   "Ménard",      "Fleury",    "Deschamps", "Carpentier", "Maillard",  "Vasseur",  "Prévost",
    "Poirier",   "Charpentier", "Huet",      "Baron",     "Carré",      "Rémy",      "Lebrun",   "Delattre",
    "Delahaye",  "Lecocq",      "Delaporte", "Lévêque",   "Hébert",     "Poulain",   "Bouchez",  "Lefort",
    "Cordier",   "Lenglet",     "Benali",    "Haddad",    "Diallo",     "Traoré",    "Ferreira", "Yilmaz",
    "Mendy",     "Kowalski",    "Santos",    "Boucher"};

struct HealthNote {
    bool allergy;
    bool pai;
    std::string_view note;
};
constexpr HealthNote kHealthNotes[] = {
    {true, true, "allergie arachide — trousse PAI en salle des maîtres"},
    {true, true, "allergie aux fruits à coque — trousse PAI à la cantine"},
    {true, true, "allergie à l'œuf — éviction stricte, trousse PAI en salle des maîtres"},
    {true, true, "allergie au poisson et aux crustacés — stylo d'adrénaline dans la trousse PAI"},
    {true, false, "allergie au kiwi — pas de kiwi au dessert"},
    {true, false, "intolérance au lactose — laitages sans lactose"},
    {false, true, "asthme — Ventoline dans le cartable, PAI signé"},
    {false, true, "diabète de type 1 — PAI, lecteur de glycémie dans le sac"},
    {false, true, "épilepsie — PAI, protocole affiché en salle des maîtres"},
};

struct Relation {
    std::string_view relation;
    bool woman;
    bool elder; // a grandparent: an older first name, and often the family's last name
};
constexpr Relation kRelations[] = {
    {"grand-mère", true, true},
    {"grand-père", false, true},
    {"tante", true, false},
    {"oncle", false, false},
    {"voisine", true, false},
    {"voisin", false, false},
    {"assistante maternelle", true, false},
    {"marraine", true, false},
    {"parrain", false, false},
    {"amie de la famille", true, false},
};

// A group of eight staff for about 300 children.
constexpr std::string_view kStaffRoles[] = {"direction", "animation", "animation", "animation",
                                            "animation", "animation", "cuisine",   "cuisine"};
constexpr int kChildrenPerStaffGroup = 300;
constexpr double kStaffIsAWoman = 0.70; // as in most accueils périscolaires

constexpr int kLevelCount = 8;
constexpr std::string_view kLevels[kLevelCount] = {"PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"};
// Which level opens one more class as the school grows: the élémentaire's first, then the maternelle's.
constexpr int kExtraClassOrder[kLevelCount] = {3, 4, 5, 6, 7, 2, 1, 0};
constexpr int kChildrenPerClass = 27;
// How far ahead a sibling looks for a seat in a level the family does not have yet.
constexpr std::size_t kSiblingLookAhead = 64;

constexpr std::string_view kTownCode = "12087"; // the town's number in the subscriber codes

// Family shape and habits; the weights are per hundred.
constexpr int kFamilySizeWeights[] = {35, 40, 18, 7}; // one to four children
constexpr double kTwoGuardians = 0.78;
constexpr double kSingleGuardianIsAWoman = 0.80;
constexpr double kFirstGuardianIsAWoman = 0.65;
constexpr double kGuardiansOfBothSexes = 0.92;
constexpr double kSecondGuardianOtherName = 0.30;
constexpr double kAuthorisedAdults = 0.40;
constexpr double kOneAuthorisedAdult = 0.65; // else two
constexpr double kGrandparentSharesName = 0.60;
constexpr int kDietWeights[] = {80, 10, 4, 6}; // in kAllDiets' order: standard, no pork, no meat, vegetarian
constexpr double kChildOwnDiet = 0.05;
constexpr double kHealthCondition = 0.05;

// Badges: about four a child in all, which is what the benchmarks' 20,000 badges for 5,000 children
// want: the child's card and the ones lost since maternelle, the guardians' cards, fobs and lost cards.
constexpr double kChildCardLostPerYear = 0.35;
constexpr double kGuardianFob = 0.55;
constexpr double kGuardianCardLost = 0.35;
constexpr double kStaffCardLost = 0.20;
constexpr double kActiveFourByteUid = 0.10; // older MIFARE Classic cards still in use
constexpr double kRevokedFourByteUid = 0.50;
constexpr double kFobFourByteUid = 0.60;

// Who uses what, per activity in the order morning care, canteen, evening care.
constexpr std::array<double, 3> kUsesActivity = {0.45, 0.92, 0.55};
constexpr int kCanteenDaysWeights[] = {8, 17, 75}; // two, three or four days a week
constexpr int kCareDaysWeights[] = {20, 25, 55};
constexpr double kChildOwnCanteenWeek = 0.08;
constexpr double kScheduleChange = 0.10; // a new job mid-year: the family's week changes once
constexpr double kJoinsLate = 0.03;      // moved into town during the term
constexpr double kLeavesEarly = 0.02;
constexpr double kFamilyDayOff = 0.025; // a parent off work: no booking that day for any of the children
constexpr double kOneOffCancellation = 0.02;
// An extra day: a family that uses the activity adds a day now and then, one that never does rarely.
constexpr double kOneOffExtraDay = 0.03;
constexpr double kOneOffExtraDayNonUser = 0.003;

// Absences: an episode starts on about one school day in 55, which gives the five or so days a year a
// primary school child misses.
constexpr double kAbsenceStart = 1.0 / 55.0;
struct AbsenceReason {
    std::string_view reason;
    int length_weights[4]; // one to four school days
    double justified;
};
constexpr AbsenceReason kAbsenceReasons[] = {
    {"maladie", {30, 35, 20, 15}, 0.55},
    {"rendez-vous médical", {1, 0, 0, 0}, 0.85},
    {"raison familiale", {50, 30, 20, 0}, 0.25},
};
constexpr int kAbsenceReasonWeights[std::size(kAbsenceReasons)] = {70, 15, 15};

constexpr std::uint64_t kPeoplePart = 1;
constexpr std::uint64_t kBadgePart = 2;
constexpr std::uint64_t kReservationPart = 3;
constexpr std::uint64_t kAbsencePart = 4;

template <std::size_t N>
std::string pick_name(DemoRandom& rng, const std::string_view (&names)[N]) {
    return std::string(rng.pick(names));
}

std::string digits(int value, int width) {
    std::string text = std::to_string(value);
    if (static_cast<int>(text.size()) < width)
        text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
    return text;
}

// Mobile numbers in 06 39 98, the block ARCEP keeps for works of fiction, so no real family is called.
std::string fictional_mobile(DemoRandom& rng) {
    int line = static_cast<int>(rng.below(10000));
    return "06 39 98 " + digits(line / 100, 2) + " " + digits(line % 100, 2);
}

// 0 -> "A", 25 -> "Z", 26 -> "AA": section letters, should a level ever need more than 26 classes.
std::string section_letters(int index) {
    std::string out;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

struct SchoolClass {
    std::string name;
    int level;
};

std::vector<SchoolClass> make_classes(int children) {
    int count = std::max(kLevelCount, (children + kChildrenPerClass / 2) / kChildrenPerClass);
    std::array<int, kLevelCount> sections{};
    sections.fill(1);
    for (int extra = 0; extra < count - kLevelCount; ++extra)
        ++sections[static_cast<std::size_t>(kExtraClassOrder[extra % kLevelCount])];
    std::vector<SchoolClass> classes;
    for (int level = 0; level < kLevelCount; ++level) {
        int n = sections[static_cast<std::size_t>(level)];
        for (int s = 0; s < n; ++s) {
            std::string name(kLevels[level]);
            if (n > 1) {
                // Appended in two steps: GCC 12 warns falsely (-Wrestrict) on "-" + string at -O3.
                name += '-';
                name += section_letters(s);
            }
            classes.push_back({std::move(name), level});
        }
    }
    return classes;
}

enum class UidSize { FourBytes = 4, SevenBytes = 7 };

// Badge UIDs as the readers report them, unique across the school.
class UidMaker {
public:
    explicit UidMaker(DemoRandom& rng)
        : m_rng(rng) {}

    std::string make(UidSize size) {
        for (;;) {
            std::uint64_t value = m_rng.next();
            int bytes = static_cast<int>(size);
            if (size == UidSize::SevenBytes) {
                // NXP's manufacturer byte opens the 7-byte UIDs of the Ultralight, NTAG and DESFire cards.
                value = (value & 0xFFFFFFFFFFFFULL) | (0x04ULL << 48);
            } else {
                value &= 0xFFFFFFFFULL;
                // 0x88 is the cascade tag: a real UID never starts with it.
                if ((value >> 24) == 0x88)
                    continue;
            }
            std::uint64_t key = value | (static_cast<std::uint64_t>(bytes) << 56);
            if (!m_used.insert(key).second)
                continue;
            static constexpr char kHex[] = "0123456789ABCDEF";
            std::string uid(static_cast<std::size_t>(bytes) * 2, '0');
            for (int i = 0; i < bytes * 2; ++i)
                uid[static_cast<std::size_t>(i)] = kHex[(value >> (4 * (bytes * 2 - 1 - i))) & 0xF];
            return uid;
        }
    }

private:
    DemoRandom& m_rng;
    std::unordered_set<std::uint64_t> m_used;
};

// Which days of the week a family books each activity on (morning care, canteen, evening care).
struct Week {
    std::array<WeekdaySet, 3> days;
};

WeekdaySet draw_days(DemoRandom& rng, const int (&weights)[3]) {
    std::array<std::chrono::weekday, 4> school_days = {std::chrono::Monday, std::chrono::Tuesday,
                                                       std::chrono::Thursday, std::chrono::Friday};
    int count = 2 + static_cast<int>(rng.weighted(weights));
    WeekdaySet days = WeekdaySet::school_week();
    for (int dropped = 0; dropped < 4 - count;) {
        auto day = school_days[rng.below(4)];
        if (days.contains(day)) {
            days.remove(day);
            ++dropped;
        }
    }
    return days;
}

WeekdaySet draw_activity_week(DemoRandom& rng, std::size_t activity) {
    if (!rng.chance(kUsesActivity[activity]))
        return WeekdaySet{};
    return draw_days(rng, activity == 1 ? kCanteenDaysWeights : kCareDaysWeights);
}

Week draw_week(DemoRandom& rng) {
    Week week;
    for (std::size_t a = 0; a < week.days.size(); ++a)
        week.days[a] = draw_activity_week(rng, a);
    return week;
}

WeekdaySet intersect(WeekdaySet a, WeekdaySet b) {
    return WeekdaySet::from_bits(a.bits() & b.bits());
}

class Generator {
public:
    explicit Generator(const DemoOptions& options)
        : m_options(options)
        , m_people(DemoRandom::stream(options.seed, kPeoplePart))
        , m_badge_rng(DemoRandom::stream(options.seed, kBadgePart))
        , m_uids(m_badge_rng) {}

    DemoSchool run() {
        m_school.site = Site{SiteId{1}, "École Jules Ferry", "Laigneville"};
        m_school.activities = {morning_care(ActivityId{1}), canteen(ActivityId{2}),
                               evening_care(ActivityId{3})};
        m_school.closed_periods = m_options.closed_periods;
        m_school.term = DateRange{m_options.term_first, m_options.term_last};
        int children = std::max(0, m_options.children);
        if (children > 0)
            make_people(children);
        make_staff(children);
        make_term();
        return std::move(m_school);
    }

private:
    void make_people(int children) {
        auto classes = make_classes(children);
        for (const auto& c : classes)
            m_school.classes.push_back(c.name);

        // One seat per child, class by class, shuffled so that each family draws its classes at random.
        std::vector<int> seats;
        seats.reserve(static_cast<std::size_t>(children));
        int class_count = static_cast<int>(classes.size());
        for (int c = 0; c < class_count; ++c)
            for (int s = 0; s < children / class_count + (c < children % class_count ? 1 : 0); ++s)
                seats.push_back(c);
        for (std::size_t i = seats.size() - 1; i > 0; --i)
            std::swap(seats[i], seats[m_people.below(static_cast<std::uint32_t>(i + 1))]);

        m_school.families.reserve(seats.size() / 2 + 1);
        m_school.guardians.reserve(seats.size());
        m_school.children.reserve(seats.size());
        m_school.badges.reserve(seats.size() * 4 + 64);
        std::size_t cursor = 0;
        while (cursor < seats.size()) {
            auto size =
                std::min<std::size_t>(1 + m_people.weighted(kFamilySizeWeights), seats.size() - cursor);
            const auto& family = make_family();
            std::array<bool, kLevelCount> has_level{};
            std::size_t first_child = m_school.children.size();
            for (std::size_t k = 0; k < size; ++k, ++cursor) {
                // Siblings are in different levels: take the first seat ahead whose level is new to the
                // family.
                std::size_t end = std::min(seats.size(), cursor + kSiblingLookAhead);
                for (std::size_t j = cursor; j < end; ++j) {
                    if (!has_level[static_cast<std::size_t>(
                            classes[static_cast<std::size_t>(seats[j])].level)]) {
                        std::swap(seats[cursor], seats[j]);
                        break;
                    }
                }
                const auto& seat = classes[static_cast<std::size_t>(seats[cursor])];
                has_level[static_cast<std::size_t>(seat.level)] = true;
                make_child(family, seat, first_child);
            }
        }
    }

    const Family& make_family() {
        auto id = static_cast<std::int64_t>(m_school.families.size() + 1);
        m_family_last_name = pick_name(m_people, kLastNames);
        const std::string& last_name = m_family_last_name;
        m_school.families.push_back(
            Family{FamilyId{id}, m_school.site.id,
                   "BLENFANCE-" + std::string(kTownCode) + "-" + digits(static_cast<int>(id), 4),
                   "Famille " + last_name});
        const Family& family = m_school.families.back();

        int guardians = m_people.chance(kTwoGuardians) ? 2 : 1;
        bool woman = m_people.chance(guardians == 1 ? kSingleGuardianIsAWoman : kFirstGuardianIsAWoman);
        for (int g = 0; g < guardians; ++g) {
            if (g == 1 && m_people.chance(kGuardiansOfBothSexes))
                woman = !woman;
            std::string guardian_last = last_name;
            if (g == 1 && m_people.chance(kSecondGuardianOtherName))
                guardian_last = pick_name(m_people, kLastNames);
            Guardian guardian{GuardianId{static_cast<std::int64_t>(m_school.guardians.size() + 1)}, family.id,
                              woman ? pick_name(m_people, kWomen) : pick_name(m_people, kMen),
                              std::move(guardian_last), fictional_mobile(m_people)};
            add_badges(HolderKind::Guardian, guardian.id.value,
                       m_badge_rng.chance(kGuardianCardLost) ? 1 : 0);
            if (m_badge_rng.chance(kGuardianFob))
                add_badge(HolderKind::Guardian, guardian.id.value, BadgeState::Active,
                          m_badge_rng.chance(kFobFourByteUid) ? UidSize::FourBytes : UidSize::SevenBytes);
            m_school.guardians.push_back(std::move(guardian));
        }

        m_family_adults.clear();
        if (m_people.chance(kAuthorisedAdults)) {
            int count = m_people.chance(kOneAuthorisedAdult) ? 1 : 2;
            for (int a = 0; a < count; ++a) {
                const auto& relation = m_people.pick(kRelations);
                std::string first =
                    relation.elder
                        ? (relation.woman ? pick_name(m_people, kElderWomen) : pick_name(m_people, kElderMen))
                        : (relation.woman ? pick_name(m_people, kWomen) : pick_name(m_people, kMen));
                std::string last = relation.elder && m_people.chance(kGrandparentSharesName)
                                       ? last_name
                                       : pick_name(m_people, kLastNames);
                m_family_adults.push_back(AuthorisedAdult{first + " " + last, std::string(relation.relation),
                                                          fictional_mobile(m_people)});
            }
        }
        m_family_diet = kAllDiets[m_people.weighted(kDietWeights)];
        return family;
    }

    void make_child(const Family& family, const SchoolClass& seat, std::size_t first_sibling) {
        Child child;
        child.id = ChildId{static_cast<std::int64_t>(m_school.children.size() + 1)};
        child.family = family.id;
        // Parents do not give two children the same first name.
        for (int attempt = 0; attempt < 8; ++attempt) {
            child.first_name =
                m_people.chance(0.5) ? pick_name(m_people, kGirls) : pick_name(m_people, kBoys);
            auto same = [&](const Child& sibling) { return sibling.first_name == child.first_name; };
            if (std::none_of(m_school.children.begin() + static_cast<std::ptrdiff_t>(first_sibling),
                             m_school.children.end(), same))
                break;
        }
        child.last_name = m_family_last_name;
        child.class_name = seat.name;
        child.diet =
            m_people.chance(kChildOwnDiet) ? kAllDiets[m_people.weighted(kDietWeights)] : m_family_diet;
        if (m_people.chance(kHealthCondition)) {
            const auto& health = m_people.pick(kHealthNotes);
            child.allergy = health.allergy;
            child.pai = health.pai;
            child.health_note = std::string(health.note);
        }
        child.authorised_adults = m_family_adults;

        // A card lost in some of the years since petite section; the level is the number of years.
        int lost = 0;
        for (int year = 0; year < seat.level; ++year)
            lost += m_badge_rng.chance(kChildCardLostPerYear) ? 1 : 0;
        add_badges(HolderKind::Child, child.id.value, lost);
        m_school.children.push_back(std::move(child));
    }

    void make_staff(int children) {
        int count =
            std::max(static_cast<int>(std::size(kStaffRoles)),
                     (children * static_cast<int>(std::size(kStaffRoles)) + kChildrenPerStaffGroup / 2) /
                         kChildrenPerStaffGroup);
        for (int i = 0; i < count; ++i) {
            bool woman = m_people.chance(kStaffIsAWoman);
            std::string role(kStaffRoles[static_cast<std::size_t>(i) % std::size(kStaffRoles)]);
            if (role == "animation")
                role = woman ? "animatrice" : "animateur";
            StaffMember member{StaffId{i + 1}, m_school.site.id,
                               woman ? pick_name(m_people, kWomen) : pick_name(m_people, kMen),
                               pick_name(m_people, kLastNames), std::move(role)};
            add_badges(HolderKind::Staff, member.id.value, m_badge_rng.chance(kStaffCardLost) ? 1 : 0);
            m_school.staff.push_back(std::move(member));
        }
    }

    // The holder's lost cards (revoked), then the card in use.
    void add_badges(HolderKind kind, std::int64_t holder, int revoked) {
        for (int r = 0; r < revoked; ++r)
            add_badge(kind, holder, BadgeState::Revoked,
                      m_badge_rng.chance(kRevokedFourByteUid) ? UidSize::FourBytes : UidSize::SevenBytes);
        add_badge(kind, holder, BadgeState::Active,
                  m_badge_rng.chance(kActiveFourByteUid) ? UidSize::FourBytes : UidSize::SevenBytes);
    }

    void add_badge(HolderKind kind, std::int64_t holder, BadgeState state, UidSize size) {
        m_school.badges.push_back(Badge{m_uids.make(size), kind, holder, state});
    }

    // Reservations and absences, family by family so that siblings share their parents' week.
    void make_term() {
        auto calendar = m_school.calendar();
        // The term's school days: an activity opens on that weekday and the calendar closes nothing.
        std::vector<Date> days;
        auto opens = [&](Date day) {
            return std::any_of(m_school.activities.begin(), m_school.activities.end(),
                               [&](const Activity& a) { return a.opening.open_on(weekday_of(day)); });
        };
        if (m_options.term_first <= m_options.term_last)
            for (Date day = m_options.term_first; day <= m_options.term_last; day = add_days(day, 1))
                if (opens(day) && !calendar.closure(day))
                    days.push_back(day);
        const std::size_t day_count = days.size();
        // open[d][a]: activity a runs on day d.
        std::vector<std::array<bool, 3>> open(day_count);
        for (std::size_t d = 0; d < day_count; ++d)
            for (std::size_t a = 0; a < 3; ++a)
                open[d][a] = m_school.activities[a].opening.open_on(weekday_of(days[d]));

        auto rng = DemoRandom::stream(m_options.seed, kReservationPart);
        auto absence_rng = DemoRandom::stream(m_options.seed, kAbsencePart);
        m_school.reservations.reserve(m_school.children.size() * day_count * 7 / 4);
        std::vector<bool> day_off(day_count);
        std::size_t next_child = 0;
        for (const auto& family : m_school.families) {
            Week before = draw_week(rng);
            Week after = rng.chance(kScheduleChange) ? draw_week(rng) : before;
            std::size_t change = day_count == 0 ? 0 : rng.below(static_cast<std::uint32_t>(day_count));
            std::size_t first = 0;
            std::size_t last = day_count; // exclusive
            if (day_count > 0 && rng.chance(kJoinsLate))
                first = rng.below(static_cast<std::uint32_t>(day_count));
            else if (day_count > 0 && rng.chance(kLeavesEarly))
                last = rng.below(static_cast<std::uint32_t>(day_count));
            for (std::size_t d = 0; d < day_count; ++d)
                day_off[d] = rng.chance(kFamilyDayOff);

            for (; next_child < m_school.children.size() && m_school.children[next_child].family == family.id;
                 ++next_child) {
                const Child& child = m_school.children[next_child];
                Week own_before = before;
                Week own_after = after;
                if (rng.chance(kChildOwnCanteenWeek)) {
                    own_before.days[1] = draw_activity_week(rng, 1);
                    own_after.days[1] = own_before.days[1];
                }
                for (std::size_t a = 0; a < 3; ++a) {
                    const auto& activity = m_school.activities[a];
                    WeekdaySet week_before = intersect(own_before.days[a], activity.opening.days);
                    WeekdaySet week_after = intersect(own_after.days[a], activity.opening.days);
                    for (std::size_t d = first; d < last; ++d) {
                        if (!open[d][a] || day_off[d])
                            continue;
                        bool usual = (d < change ? week_before : week_after).contains(weekday_of(days[d]));
                        bool booked = usual ? !rng.chance(kOneOffCancellation)
                                            : rng.chance(week_before.empty() && week_after.empty()
                                                             ? kOneOffExtraDayNonUser
                                                             : kOneOffExtraDay);
                        if (booked)
                            m_school.reservations.push_back(Reservation{child.id, activity.id, days[d]});
                    }
                }
                make_absences(absence_rng, child, days);
            }
        }
    }

    void make_absences(DemoRandom& rng, const Child& child, const std::vector<Date>& days) {
        for (std::size_t d = 0; d < days.size(); ++d) {
            if (!rng.chance(kAbsenceStart))
                continue;
            const auto& reason = kAbsenceReasons[rng.weighted(kAbsenceReasonWeights)];
            std::size_t length = 1 + rng.weighted(reason.length_weights);
            // The episode ends at the holidays: a child ill on the last Friday is back after them.
            std::size_t last = d;
            while (last + 1 < days.size() && last + 1 < d + length &&
                   days_between(days[last], days[last + 1]) <= 4)
                ++last;
            m_school.absences.push_back(Absence{
                AbsenceId{static_cast<std::int64_t>(m_school.absences.size() + 1)}, child.id, days[d],
                days[last], std::string(reason.reason),
                rng.chance(reason.justified) ? Justification::Justified : Justification::Unjustified});
            d = last + 1; // at least a school day back before the next one
        }
    }

    const DemoOptions& m_options;
    DemoRandom m_people;
    DemoRandom m_badge_rng;
    UidMaker m_uids;
    DemoSchool m_school;
    // What the family being made passes on to its children.
    std::string m_family_last_name;
    std::vector<AuthorisedAdult> m_family_adults;
    Diet m_family_diet = Diet::Standard;
};

} // namespace

DemoSchool generate_demo_school(const DemoOptions& options) {
    return Generator(options).run();
}

} // namespace badgeuse::demo
