// School holidays and closures read from the ministry's iCalendar files and from the town's CSV:
// what each form may hold, and the line (and column) every mistake is reported at.
#include "badgeuse/core/school_calendar.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

// "2026-10-17..2026-11-01 holiday Vacances de la Toussaint", so that a failure shows every period.
std::vector<std::string> render(const std::vector<ClosedPeriod>& periods) {
    std::vector<std::string> out;
    for (const auto& p : periods)
        out.push_back(format_date(p.first) + ".." + format_date(p.last) + " " +
                      std::string(closure_kind_key(p.kind)) + " " + p.label);
    return out;
}

std::vector<std::string> ics(std::string_view text) {
    auto periods = parse_school_calendar_ics(text);
    INFO((periods ? "" : periods.error().message));
    REQUIRE(periods.ok());
    return render(*periods);
}

std::string ics_error(std::string_view text) {
    auto periods = parse_school_calendar_ics(text);
    return periods ? "no error" : periods.error().message;
}

std::vector<std::string> csv(std::string_view text) {
    auto periods = parse_school_calendar_csv(text);
    INFO((periods ? "" : periods.error().message));
    REQUIRE(periods.ok());
    return render(*periods);
}

std::string csv_error(std::string_view text) {
    auto periods = parse_school_calendar_csv(text);
    return periods ? "no error" : periods.error().message;
}

std::string crlf(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// A calendar around some event lines: the header takes lines 1 to 3, so the events begin on line 4.
std::string calendar(std::string_view events) {
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Badgeuse tests//FR\n" + std::string(events) +
           "\nEND:VCALENDAR\n";
}

// Written for these tests in the shape of the ministry's zone files (not a copy of one): all-day
// events, the summer holiday with no end, the Rentrée as its own event, folded descriptions, CRLF.
constexpr std::string_view kZoneB20262027 = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Badgeuse//Calendrier scolaire exemple//FR
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:Calendrier scolaire - Zone B
X-WR-TIMEZONE:Europe/Paris
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:ete-2026-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20260704
SUMMARY:Vacances d'Été - Zone B
DESCRIPTION:Vacances d'Été - Zone B : fin des cours samedi 4 juillet 2026
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:rentree-2026-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20260901
SUMMARY:Rentrée scolaire des élèves
DESCRIPTION:Rentrée scolaire des élèves - Zone B
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:noel-2026-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20261219
DTEND;VALUE=DATE:20270104
SUMMARY:Vacances de Noël - Zone B
DESCRIPTION:Vacances de Noël - Zone B : fin des cours samedi 19 décembre 2
 026\, reprise des cours lundi 4 janvier 2027
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:toussaint-2026-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20261017
DTEND;VALUE=DATE:20261102
SUMMARY:Vacances de la Toussaint - Zone B
DESCRIPTION:Vacances de la Toussaint - Zone B : fin des cours samedi 17 oc
 tobre 2026\, reprise des cours lundi 2 novembre 2026
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:hiver-2027-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270220
DTEND;VALUE=DATE:20270308
SUMMARY:Vacances d'Hiver - Zone B
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:printemps-2027-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270417
DTEND;VALUE=DATE:20270503
SUMMARY:Vacances de Printemps - Zone B
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:ascension-2027-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270506
DTEND;VALUE=DATE:20270510
SUMMARY:Pont de l'Ascension - Zone B
DESCRIPTION:Pont de l'Ascension : fin des cours mercredi 5 mai 2027\, repr
 ise des cours lundi 10 mai 2027
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:ete-2027-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270703
SUMMARY:Vacances d'Été - Zone B
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:rentree-2027-enseignants-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270901
SUMMARY:Rentrée scolaire des enseignants
LOCATION:Zone B
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20260115T090000Z
UID:rentree-2027-zone-b@badgeuse.example
DTSTART;VALUE=DATE:20270902
SUMMARY:Rentrée scolaire des élèves
LOCATION:Zone B
END:VEVENT
END:VCALENDAR
)";

} // namespace

TEST_CASE("closure kinds are written holiday and closure and read back") {
    CHECK(closure_kind_key(ClosureKind::SchoolHoliday) == "holiday");
    CHECK(closure_kind_key(ClosureKind::Closure) == "closure");
    for (auto kind : {ClosureKind::SchoolHoliday, ClosureKind::Closure})
        CHECK(*parse_closure_kind_key(closure_kind_key(kind)) == kind);
    auto bad = parse_closure_kind_key("vacances");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "expected a closure kind among holiday, closure, got 'vacances'");
}

TEST_CASE("a ministry-style zone B calendar reads into the school year's holidays") {
    auto expected = std::vector<std::string>{
        "2026-07-04..2026-08-31 holiday Vacances d'Été",
        "2026-10-17..2026-11-01 holiday Vacances de la Toussaint",
        "2026-12-19..2027-01-03 holiday Vacances de Noël",
        "2027-02-20..2027-03-07 holiday Vacances d'Hiver",
        "2027-04-17..2027-05-02 holiday Vacances de Printemps",
        "2027-05-06..2027-05-09 holiday Pont de l'Ascension",
        "2027-07-03..2027-09-01 holiday Vacances d'Été",
    };
    CHECK(ics(kZoneB20262027) == expected);
    CHECK(ics(crlf(kZoneB20262027)) == expected);
}

TEST_CASE("an iCalendar DTEND is exclusive: ending on 2 November leaves 1 November as the last day") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261017
DTEND;VALUE=DATE:20261102
SUMMARY:Vacances de la Toussaint
END:VEVENT)")) == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Vacances de la Toussaint"});
}

TEST_CASE("folded lines are joined, whether continued with a space or a tab") {
    auto text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 1017\nDTEND;VALUE=DATE:20261102\n"
                         "SUMMARY:Vacances de la Tou\n ssaint -\n\t Zone B\nEND:VEVENT");
    CHECK(ics(text) == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Vacances de la Toussaint"});
}

TEST_CASE("a fold may split a UTF-8 character") {
    // RFC 5545 folds at 75 octets, which can fall inside a multi-byte character.
    auto text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261219\nDTEND;VALUE=DATE:20270104\n"
                         "SUMMARY:Vacances de No\xC3\r\n \xABl\r\nEND:VEVENT");
    CHECK(ics(text) == std::vector<std::string>{"2026-12-19..2027-01-03 holiday Vacances de Noël"});
}

TEST_CASE("CRLF and LF line endings read the same, and a byte order mark is passed over") {
    auto text = calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20270220
DTEND;VALUE=DATE:20270308
SUMMARY:Vacances d'Hiver
END:VEVENT)");
    auto expected = std::vector<std::string>{"2027-02-20..2027-03-07 holiday Vacances d'Hiver"};
    CHECK(ics(text) == expected);
    CHECK(ics(crlf(text)) == expected);
    CHECK(ics("\xEF\xBB\xBF" + crlf(text)) == expected);
}

TEST_CASE("a DATE-TIME DTEND at local midnight ends the day before, later in the day it includes that day") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;TZID=Europe/Paris:20261017T000000
DTEND;TZID=Europe/Paris:20261102T000000
SUMMARY:Vacances de la Toussaint
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Paris:20270512T133000
DTEND;TZID=Europe/Paris:20270512T170000
SUMMARY:Réunion des équipes
END:VEVENT
BEGIN:VEVENT
DTSTART:20270520T080000
DTEND:20270521T120000
SUMMARY:Grève des agents
END:VEVENT)")) == std::vector<std::string>{
                      "2026-10-17..2026-11-01 holiday Vacances de la Toussaint",
                      "2027-05-12..2027-05-12 closure Réunion des équipes",
                      "2027-05-20..2027-05-21 closure Grève des agents",
                  });
}

TEST_CASE("UTC date-times are read on the Paris clock") {
    // 22:00 UTC on 16 October is midnight in Paris (summer time); 23:00 UTC on 1 November is
    // midnight too (winter time), so the last day is 1 November.
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART:20261016T220000Z
DTEND:20261101T230000Z
SUMMARY:Vacances de la Toussaint
END:VEVENT)")) == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Vacances de la Toussaint"});
}

TEST_CASE("a parameter value in quotes may hold a colon") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;TZID="Europe/Paris:odd";VALUE=DATE-TIME:20261017T000000
DTEND;VALUE=DATE:20261102
SUMMARY;LANGUAGE=fr:Vacances de la Toussaint
END:VEVENT)")) == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Vacances de la Toussaint"});
}

TEST_CASE("property and component names are read in any case") {
    CHECK(ics(calendar(R"(begin:vevent
dtstart;value=date:20261017
Dtend;Value=Date:20261102
summary:Vacances de la Toussaint
end:vevent)")) == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Vacances de la Toussaint"});
}

TEST_CASE("a summer holiday with no DTEND runs until the day before the next Rentrée") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20270703
SUMMARY:Vacances d'Été - Zone B
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20280904
SUMMARY:Rentrée scolaire des élèves
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270902
SUMMARY:Rentrée scolaire des élèves
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260901
SUMMARY:Rentrée scolaire des élèves
END:VEVENT)")) == std::vector<std::string>{"2027-07-03..2027-09-01 holiday Vacances d'Été"});
}

TEST_CASE("a summer holiday with no DTEND and no Rentrée after it runs to 31 August") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20270703
SUMMARY:Vacances d'Été
END:VEVENT)")) == std::vector<std::string>{"2027-07-03..2027-08-31 holiday Vacances d'Été"});
}

TEST_CASE("the teachers' Rentrée does not end the summer holiday: the pupils' does") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20270703
SUMMARY:Vacances d'Été
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270901
SUMMARY:Rentrée scolaire des enseignants
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270902
SUMMARY:RENTRÉE SCOLAIRE DES ÉLÈVES
END:VEVENT)")) == std::vector<std::string>{"2027-07-03..2027-09-01 holiday Vacances d'Été"});
}

TEST_CASE("Rentrée events are not closures") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20260901
SUMMARY:Rentrée scolaire des élèves
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260831
DTEND;VALUE=DATE:20260901
SUMMARY:Rentree des enseignants
END:VEVENT)"))
              .empty());
}

TEST_CASE("an event with no DTEND is that one day") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:Fermeture exceptionnelle
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270507
SUMMARY:Pont de l'Ascension
END:VEVENT)")) == std::vector<std::string>{
                      "2026-11-13..2026-11-13 closure Fermeture exceptionnelle",
                      "2027-05-07..2027-05-07 holiday Pont de l'Ascension",
                  });
}

TEST_CASE("Vacances and Pont make school holidays in any case, other words make closures") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:PONT du 11 novembre
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261120
SUMMARY:Travaux chez Dupont
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261127
DTEND;VALUE=DATE:20261128
SUMMARY:vacances de la cantine
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261204
SUMMARY:Élections
END:VEVENT)")) == std::vector<std::string>{
                      "2026-11-13..2026-11-13 holiday PONT du 11 novembre",
                      "2026-11-20..2026-11-20 closure Travaux chez Dupont",
                      "2026-11-27..2026-11-27 holiday vacances de la cantine",
                      "2026-12-04..2026-12-04 closure Élections",
                  });
}

TEST_CASE("SUMMARY escapes are undone") {
    auto periods = parse_school_calendar_ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:Grève\, cantine fermée\; garderie ouverte\nvoir C:\\affiches\Ntableau
END:VEVENT)"));
    REQUIRE(periods.ok());
    REQUIRE(periods->size() == 1);
    CHECK((*periods)[0].label == "Grève, cantine fermée; garderie ouverte\nvoir C:\\affiches\ntableau");
}

TEST_CASE("a zone suffix is dropped from labels, other dashes are kept") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261219
DTEND;VALUE=DATE:20270104
SUMMARY:  Vacances de Noël - Zones A\, B et C  
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270115
SUMMARY:Fermeture - travaux
END:VEVENT)")) == std::vector<std::string>{
                      "2026-12-19..2027-01-03 holiday Vacances de Noël",
                      "2027-01-15..2027-01-15 closure Fermeture - travaux",
                  });
}

TEST_CASE("events come out sorted by first day, in file order on the same day") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20270220
DTEND;VALUE=DATE:20270308
SUMMARY:Vacances d'Hiver
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:Fermeture B
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:Fermeture A
END:VEVENT)")) == std::vector<std::string>{
                      "2026-11-13..2026-11-13 closure Fermeture B",
                      "2026-11-13..2026-11-13 closure Fermeture A",
                      "2027-02-20..2027-03-07 holiday Vacances d'Hiver",
                  });
}

TEST_CASE("cancelled events are left out") {
    CHECK(ics(calendar(R"(BEGIN:VEVENT
DTSTART;VALUE=DATE:20261113
SUMMARY:Grève
STATUS:CANCELLED
END:VEVENT)"))
              .empty());
}

TEST_CASE("time zones, alarms and unknown properties are passed over") {
    CHECK(ics(calendar(R"(BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
DTSTART:19810329T020000
TZNAME:CEST
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19961027T030000
TZNAME:CET
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
X-MICROSOFT-CDO-BUSYSTATUS:FREE
DTSTART;VALUE=DATE:20261113
SUMMARY:Fermeture exceptionnelle
BEGIN:VALARM
ACTION:EMAIL
SUMMARY:Rappel
DESCRIPTION:Prévenir les familles
TRIGGER:-P1D
END:VALARM
END:VEVENT)")) == std::vector<std::string>{"2026-11-13..2026-11-13 closure Fermeture exceptionnelle"});
}

TEST_CASE("a calendar with no events has no closures") {
    CHECK(ics(calendar("X-WR-CALNAME:Vide")).empty());
}

TEST_CASE("iCalendar errors name the line and what was expected") {
    SECTION("a date that does not exist") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261301\nEND:VEVENT")) ==
              "line 5: DTSTART 2026-13-01 is not a date");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20270101\nDTEND:20270229\nEND:VEVENT")) ==
              "line 6: DTEND 2027-02-29 is not a date");
    }
    SECTION("a value that is not a date at all") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-10-17\nEND:VEVENT")) ==
              "line 5: DTSTART '2026-10-17' is not a date or a date-time; expected YYYYMMDD or "
              "YYYYMMDDTHHMMSS");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017T0000\nEND:VEVENT")) ==
              "line 5: DTSTART '20261017T0000' is not a date-time; expected YYYYMMDDTHHMMSS");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017 000000\nEND:VEVENT")) ==
              "line 5: DTSTART '20261017 000000' is not a date-time; expected YYYYMMDDTHHMMSS");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017T250000\nEND:VEVENT")) ==
              "line 5: DTSTART 20261017T250000 has no such time of day");
    }
    SECTION("an end that is not after the start") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261017\nDTEND;VALUE=DATE:20261017\n"
                                 "END:VEVENT")) ==
              "line 6: DTEND 2026-10-17 is not after DTSTART 2026-10-17");
        CHECK(
            ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017T100000\nDTEND:20261017T083000\nEND:VEVENT")) ==
            "line 6: DTEND 2026-10-17 08:30 is not after DTSTART 2026-10-17 10:00");
    }
    SECTION("an event without a start") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nSUMMARY:Grève\nEND:VEVENT")) ==
              "line 6: the event that begins on line 4 has no DTSTART");
    }
    SECTION("a property given twice") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nDTSTART:20261018\nEND:VEVENT")) ==
              "line 6: a second DTSTART in the event that begins on line 4");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nSUMMARY:A\nSUMMARY:B\nEND:VEVENT")) ==
              "line 7: a second SUMMARY in the event that begins on line 4");
    }
    SECTION("what this reader does not support") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nRRULE:FREQ=WEEKLY;BYDAY=WE\nEND:VEVENT")) ==
              "line 6: RRULE (a repeating event) is not supported; give each period its own event");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nDURATION:P16D\nEND:VEVENT")) ==
              "line 6: DURATION is not supported; give the end of the period as DTEND");
    }
    SECTION("an open-ended holiday that nothing ends") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261219\nSUMMARY:Vacances de Noël\n"
                                 "END:VEVENT")) == "line 4: 'Vacances de Noël' begins on 2026-12-19 with no "
                                                   "DTEND and no Rentrée after it that year to "
                                                   "end it; give it a DTEND");
    }
    SECTION("components that do not nest") {
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nEND:VCALENDAR")) ==
              "line 6: expected END:VEVENT (for BEGIN:VEVENT on line 4), got END:VCALENDAR");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART:20261017\nBEGIN:VEVENT\nEND:VEVENT")) ==
              "line 6: BEGIN:VEVENT inside the event that begins on line 4; expected END:VEVENT first");
        CHECK(ics_error("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20261017\n") ==
              "line 4: the text ends before END:VEVENT (for BEGIN:VEVENT on line 3)");
        CHECK(ics_error("BEGIN:VCALENDAR\nVERSION:2.0\n") ==
              "line 2: the text ends before END:VCALENDAR (for BEGIN:VCALENDAR on line 1)");
    }
    SECTION("text that is not iCalendar") {
        CHECK(ics_error("") == "line 1: expected BEGIN:VCALENDAR, got nothing");
        CHECK(ics_error("\r\n\r\n") == "line 1: expected BEGIN:VCALENDAR, got nothing");
        CHECK(ics_error("<!DOCTYPE html>\n<html>") ==
              "line 1: expected BEGIN:VCALENDAR, got '<!DOCTYPE html>'");
        CHECK(ics_error("first,last,kind,label\n") ==
              "line 1: expected BEGIN:VCALENDAR, got 'first,last,kind,label'");
        CHECK(ics_error(" BEGIN:VCALENDAR\n") ==
              "line 1: a continuation line (it starts with a space) comes before any line it could continue");
        CHECK(ics_error(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE 20261017\nEND:VEVENT")) ==
              "line 5: expected a property as NAME:VALUE, got 'DTSTART;VALUE=DATE 20261017'");
        CHECK(ics_error(calendar("BEGIN:VEVENT\n:20261017\nEND:VEVENT")) ==
              "line 5: expected a property as NAME:VALUE, got ':20261017'");
    }
    SECTION("a long line is shortened in the message") {
        CHECK(ics_error(calendar("X-NOTE " + std::string(100, 'x'))) ==
              "line 4: expected a property as NAME:VALUE, got 'X-NOTE " + std::string(53, 'x') + "...'");
    }
}

TEST_CASE("iCalendar error lines count physical lines, folded ones and blank ones included") {
    auto text =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\r\nBEGIN:VEVENT\r\nDESCRIPTION:une longue\r\n  description\r\n"
        "  sur trois lignes\r\nDTSTART:20261332\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    CHECK(ics_error(text) == "line 8: DTSTART 2026-13-32 is not a date");
    CHECK(ics_error("\xEF\xBB\xBF" + std::string(text)) == "line 8: DTSTART 2026-13-32 is not a date");
}

TEST_CASE("the CSV form is written with a header and one line a period") {
    std::vector<ClosedPeriod> periods = {
        {2026y / 10 / 17, 2026y / 11 / 1, ClosureKind::SchoolHoliday, "Vacances de la Toussaint"},
        {2026y / 11 / 12, 2026y / 11 / 13, ClosureKind::Closure, "Travaux, cantine"},
        {2026y / 11 / 20, 2026y / 11 / 20, ClosureKind::Closure, "Grève \"totale\""},
    };
    CHECK(format_school_calendar_csv(periods) == "first,last,kind,label\n"
                                                 "2026-10-17,2026-11-01,holiday,Vacances de la Toussaint\n"
                                                 "2026-11-12,2026-11-13,closure,\"Travaux, cantine\"\n"
                                                 "2026-11-20,2026-11-20,closure,\"Grève \"\"totale\"\"\"\n");
    CHECK(format_school_calendar_csv({}) == "first,last,kind,label\n");
}

TEST_CASE("the CSV form reads back what it wrote, whatever the labels hold") {
    std::vector<ClosedPeriod> periods = {
        {2026y / 7 / 4, 2026y / 8 / 31, ClosureKind::SchoolHoliday, "Vacances d'Été"},
        {2026y / 9 / 14, 2026y / 9 / 14, ClosureKind::Closure, "Grève \"totale\", cantine; garderie"},
        {2026y / 10 / 2, 2026y / 10 / 2, ClosureKind::Closure, "  espaces autour  "},
        {2026y / 10 / 9, 2026y / 10 / 9, ClosureKind::Closure, "sur\ndeux lignes"},
        {2026y / 10 / 16, 2026y / 10 / 16, ClosureKind::Closure, ""},
        {2026y / 10 / 23, 2026y / 10 / 23, ClosureKind::Closure, "# pas un commentaire"},
        {2026y / 10 / 30, 2026y / 10 / 30, ClosureKind::Closure, "\""},
    };
    auto text = format_school_calendar_csv(periods);
    auto parsed = parse_school_calendar_csv(text);
    INFO(text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == periods);
    CHECK(format_school_calendar_csv(*parsed) == text);
}

TEST_CASE("the CSV form passes over blank lines and comments, and reads CRLF, a BOM and quoted cells") {
    auto text = "\xEF\xBB\xBF# Fermetures décidées par la mairie\r\n"
                "\r\n"
                "first,last,kind,label\r\n"
                "# la Toussaint\r\n"
                "2026-10-17, 2026-11-01 ,holiday,Vacances de la Toussaint\r\n"
                "   \r\n"
                "\"2026-11-12\",2026-11-13,closure,  \"Travaux, cantine \"  \r\n"
                "2026-11-20,2026-11-20,closure,\"Grève \"\"totale\"\"\"";
    CHECK(csv(text) == std::vector<std::string>{
                           "2026-10-17..2026-11-01 holiday Vacances de la Toussaint",
                           "2026-11-12..2026-11-13 closure Travaux, cantine ",
                           "2026-11-20..2026-11-20 closure Grève \"totale\"",
                       });
}

TEST_CASE("CSV periods come out sorted by first day") {
    CHECK(csv("first,last,kind,label\n2027-02-20,2027-03-07,holiday,Hiver\n2026-10-17,2026-11-01,holiday,"
              "Toussaint\n") == std::vector<std::string>{"2026-10-17..2026-11-01 holiday Toussaint",
                                                         "2027-02-20..2027-03-07 holiday Hiver"});
}

TEST_CASE("a CSV label on several lines reads its line breaks as LF, whatever the file used") {
    auto periods = parse_school_calendar_csv(
        "first,last,kind,label\r\n2026-10-09,2026-10-09,closure,\"un\r\ndeux\rtrois\n"
        "quatre\"\r\n");
    REQUIRE(periods.ok());
    REQUIRE(periods->size() == 1);
    CHECK((*periods)[0].label == "un\ndeux\ntrois\nquatre");
}

TEST_CASE("a CSV file with only its header has no periods") {
    CHECK(csv("first,last,kind,label\n").empty());
    CHECK(csv("first,last,kind,label").empty());
}

TEST_CASE("CSV errors name the line, the column and what was expected") {
    SECTION("no header, or another one") {
        CHECK(csv_error("") == "line 1: expected the header first,last,kind,label, got nothing");
        CHECK(csv_error("# rien\n\n") == "line 1: expected the header first,last,kind,label, got nothing");
        CHECK(csv_error("date,fin,type,nom\n") ==
              "line 1: expected the header first,last,kind,label, got 'date,fin,type,nom'");
        CHECK(csv_error("# fermetures\n2026-10-17,2026-11-01,holiday,Toussaint\n") ==
              "line 2: expected the header first,last,kind,label, got "
              "'2026-10-17,2026-11-01,holiday,Toussaint'");
    }
    SECTION("too few or too many columns") {
        CHECK(csv_error("first,last,kind,label\n# ok\n2026-10-17,2026-11-01,holiday\n") ==
              "line 3: expected 4 columns (first,last,kind,label), got 3");
        CHECK(csv_error("first,last,kind,label\n2026-11-12,2026-11-13,closure,Travaux, cantine\n") ==
              "line 2: expected 4 columns (first,last,kind,label), got 5; put a label that has a comma in "
              "double "
              "quotes");
    }
    SECTION("a cell that is not what its column holds") {
        CHECK(csv_error("first,last,kind,label\n17/10/2026,2026-11-01,holiday,Toussaint\n") ==
              "line 2, column 1 (first): expected a date as YYYY-MM-DD, got '17/10/2026'");
        CHECK(csv_error("first,last,kind,label\n2026-11-01,2026-11-31,holiday,Toussaint\n") ==
              "line 2, column 2 (last): no such day: '2026-11-31'");
        CHECK(csv_error("first,last,kind,label\n2026-10-17,2026-11-01,vacances,Toussaint\n") ==
              "line 2, column 3 (kind): expected a closure kind among holiday, closure, got 'vacances'");
    }
    SECTION("a last day before the first") {
        CHECK(csv_error("first,last,kind,label\n2026-10-17,2026-10-01,holiday,Toussaint\n") ==
              "line 2, column 2 (last): 2026-10-01 is before the first day, 2026-10-17");
    }
    SECTION("quotes that are not closed or are followed by text") {
        CHECK(csv_error("first,last,kind,label\n2026-10-17,2026-11-01,holiday,\"Toussaint\n") ==
              "line 2, column 4 (label): the quote is never closed");
        CHECK(csv_error("first,last,kind,label\n2026-10-17,2026-11-01,holiday,\"Tous\"saint\n") ==
              "line 2, column 4 (label): expected a comma after the closing quote");
        CHECK(csv_error("first,last,kind,label\n2026-10-17,2026-11-01,holiday,Toussaint,\"x\n") ==
              "line 2, column 5: the quote is never closed");
    }
    SECTION("lines are counted across comments, blank lines and labels of several lines") {
        CHECK(csv_error(
                  "# fermetures\r\n\r\nfirst,last,kind,label\r\n2026-10-02,2026-10-02,closure,\"sur\r\ndeux "
                  "lignes\"\r\n# fin\r\n2026-10-09,2026-10-09,closed,x\r\n") ==
              "line 7, column 3 (kind): expected a closure kind among holiday, closure, got 'closed'");
    }
}
