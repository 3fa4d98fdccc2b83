// Reads school holidays and closures from iCalendar text (RFC 5545), as the ministry publishes one file
// per school zone.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/core/school_calendar.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse {
namespace {

constexpr std::size_t kExcerptLength = 60;

std::string at_line(int line) {
    return "line " + std::to_string(line) + ": ";
}

// Enough of a long line to recognise it in a message.
std::string excerpt(std::string_view text) {
    if (text.size() <= kExcerptLength)
        return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kExcerptLength)) + "...'";
}

std::string upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Lower-case ASCII and the accented capitals of Latin-1 (UTF-8 C3 80 to C3 9E, but for ×), so that
// "RENTRÉE DES ÉLÈVES" and "Rentrée des élèves" read the same.
std::string fold_case(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] >= 'A' && out[i] <= 'Z') {
            out[i] = static_cast<char>(out[i] - 'A' + 'a');
            continue;
        }
        auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0U;
        if (out[i] == '\xC3' && next >= 0x80 && next <= 0x9E && next != 0x97)
            out[++i] = static_cast<char>(next + 0x20);
    }
    return out;
}

std::string_view trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Any byte of a UTF-8 sequence counts as a letter: "Pont" must not match inside "Pontà" nor "Dupont".
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool has_word(std::string_view folded, std::string_view word) {
    for (auto at = folded.find(word); at != std::string_view::npos; at = folded.find(word, at + 1)) {
        auto after = at + word.size();
        if ((at == 0 || !is_letter(folded[at - 1])) && (after == folded.size() || !is_letter(folded[after])))
            return true;
    }
    return false;
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int two_digits(std::string_view text, std::size_t at) {
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// A content line once its folded continuations are joined, numbered by the physical line it starts on.
struct ContentLine {
    int number = 0;
    std::string text;
};

Result<std::vector<ContentLine>> unfold_lines(std::string_view text) {
    std::vector<ContentLine> lines;
    int number = 0;
    while (!text.empty()) {
        auto newline = text.find('\n');
        auto raw = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++number;
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        if (raw.empty())
            continue;
        if (raw.front() != ' ' && raw.front() != '\t') {
            lines.push_back({number, std::string(raw)});
            continue;
        }
        if (lines.empty())
            return make_error(
                at_line(number) +
                "a continuation line (it starts with a space) comes before any line it could continue");
        lines.back().text.append(raw.substr(1));
    }
    return lines;
}

struct Property {
    std::string name; // upper case; the parameters are not needed
    std::string value;
};

Result<Property> read_property(const ContentLine& line) {
    const std::string& text = line.text;
    // The value starts at the first colon outside a quoted parameter value (TZID="a:b").
    bool quoted = false;
    std::size_t colon = std::string::npos;
    for (std::size_t i = 0; i < text.size() && colon == std::string::npos; ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == ':' && !quoted)
            colon = i;
    }
    auto name = std::string_view(text).substr(0, std::min(colon, text.find(';')));
    bool name_ok = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (colon == std::string::npos || !name_ok)
        return make_error(at_line(line.number) + "expected a property as NAME:VALUE, got " + excerpt(text));
    return Property{upper_ascii(name), text.substr(colon + 1)};
}

// RFC 5545 3.3.11: \, \; \\ and \n stand for a comma, a semicolon, a backslash and a line break.
std::string unescape_text(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\\' || i + 1 == value.size()) {
            out += value[i];
            continue;
        }
        char next = value[++i];
        out += next == 'n' || next == 'N' ? '\n' : next;
    }
    return out;
}

// A DTSTART or DTEND on the Paris wall clock: a DATE value, or a DATE-TIME and its time of day.
struct Stamp {
    Date date;
    std::optional<std::chrono::seconds> time;

    auto key() const {
        return std::pair{std::chrono::sys_days{date}, time.value_or(std::chrono::seconds{0})};
    }
};

std::string describe(const Stamp& stamp) {
    if (!stamp.time)
        return format_date(stamp.date);
    return format_date(stamp.date) + " " + TimeOfDay{static_cast<int>(stamp.time->count() / 60)}.to_string();
}

Result<Stamp> read_stamp(const Property& property, int line) {
    std::string_view value = property.value;
    auto prefix = at_line(line) + property.name + " ";
    if (value.size() < 8 || !all_digits(value.substr(0, 8)))
        return make_error(prefix + excerpt(value) +
                          " is not a date or a date-time; expected YYYYMMDD or YYYYMMDDTHHMMSS");
    auto iso = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" +
               std::string(value.substr(6, 2));
    auto date = parse_date(iso);
    if (!date)
        return make_error(prefix + iso + " is not a date");
    if (value.size() == 8)
        return Stamp{*date, std::nullopt};
    bool utc = value.back() == 'Z';
    auto clock = value.substr(9, value.size() - 9 - (utc ? 1 : 0));
    if (value[8] != 'T' || clock.size() != 6 || !all_digits(clock))
        return make_error(prefix + excerpt(value) + " is not a date-time; expected YYYYMMDDTHHMMSS");
    int h = two_digits(clock, 0);
    int m = two_digits(clock, 2);
    int s = std::min(two_digits(clock, 4), 59); // a leap second is still that minute
    if (h > 23 || m > 59 || two_digits(clock, 4) > 60)
        return make_error(prefix + std::string(value) + " has no such time of day");
    std::chrono::seconds since_midnight =
        std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
    if (!utc)
        return Stamp{*date, since_midnight}; // floating or TZID: the school's own wall clock
    // A UTC time belongs to the Paris day it falls on.
    auto local = paris::to_local(Instant{std::chrono::sys_days{*date} + since_midnight});
    return Stamp{local.date, local.time_of_day};
}

enum class EventRole { Holiday, Closure, Rentree };

// The role a SUMMARY gives an event: "Rentrée" ends the summer, "Vacances" and "Pont" are school
// holidays, anything else is one of the town's closures.
EventRole role_of(std::string_view summary) {
    auto folded = fold_case(summary);
    if (has_word(folded, "rentrée") || has_word(folded, "rentree"))
        return EventRole::Rentree;
    if (has_word(folded, "vacances") || has_word(folded, "pont"))
        return EventRole::Holiday;
    return EventRole::Closure;
}

// Teachers come back a day before the pupils; the canteen and care stay closed until the pupils do.
bool is_pupils_rentree(std::string_view summary) {
    auto folded = fold_case(summary);
    bool pupils = folded.find("élève") != std::string::npos || folded.find("eleve") != std::string::npos;
    return pupils || folded.find("enseignant") == std::string::npos;
}

// "Vacances de Noël - Zone B" → "Vacances de Noël": the file is for one zone already.
std::string label_of(std::string_view summary) {
    auto text = trim(summary);
    auto dash = text.rfind(" - ");
    if (dash != std::string_view::npos && fold_case(trim(text.substr(dash + 3))).starts_with("zone"))
        text = trim(text.substr(0, dash));
    return std::string(text);
}

struct EventDraft {
    int begin_line = 0;
    std::optional<Stamp> start;
    std::optional<Stamp> end;
    int end_line = 0;
    std::optional<std::string> summary;
    bool cancelled = false;
};

struct EventSpan {
    int line = 0; // of BEGIN:VEVENT
    EventRole role = EventRole::Closure;
    Date first;
    std::optional<Date> last; // none: a holiday that runs until the next Rentrée
    std::string summary;
};

Result<EventSpan> span_of(const EventDraft& event, int end_line) {
    if (!event.start)
        return make_error(at_line(end_line) + "the event that begins on line " +
                          std::to_string(event.begin_line) + " has no DTSTART");
    auto summary = event.summary.value_or("");
    EventSpan span{event.begin_line, role_of(summary), event.start->date, std::nullopt, summary};
    if (event.end) {
        if (event.end->key() <= event.start->key())
            return make_error(at_line(event.end_line) + "DTEND " + describe(*event.end) +
                              " is not after DTSTART " + describe(*event.start));
        // DTEND is exclusive: an end at midnight leaves the day before as the last one.
        bool ends_in_the_day = event.end->time && event.end->time->count() > 0;
        span.last = std::max(span.first, ends_in_the_day ? event.end->date : add_days(event.end->date, -1));
    } else if (span.role != EventRole::Holiday || !has_word(fold_case(summary), "vacances")) {
        span.last = span.first; // RFC 5545: a DATE start without an end is that one day
    }
    return span;
}

// The ministry gives the summer holiday no end: it lasts until the day before the pupils' Rentrée.
Result<Date> end_of_open_holiday(const EventSpan& holiday, const std::vector<Date>& rentrees) {
    for (Date rentree : rentrees)
        if (holiday.first < rentree && rentree.year() == holiday.first.year())
            return add_days(rentree, -1);
    Date august_31 = holiday.first.year() / std::chrono::August / 31;
    if (august_31 < holiday.first)
        return make_error(at_line(holiday.line) + excerpt(label_of(holiday.summary)) + " begins on " +
                          format_date(holiday.first) +
                          " with no DTEND and no Rentrée after it that year to end it; give it a DTEND");
    return august_31;
}

Result<std::vector<ClosedPeriod>> resolve(const std::vector<EventSpan>& spans) {
    std::vector<Date> rentrees;
    for (const auto& span : spans)
        if (span.role == EventRole::Rentree && is_pupils_rentree(span.summary))
            rentrees.push_back(span.first);
    std::sort(rentrees.begin(), rentrees.end());
    std::vector<ClosedPeriod> periods;
    for (const auto& span : spans) {
        if (span.role == EventRole::Rentree)
            continue;
        Date last = span.last ? *span.last : BADGEUSE_TRY(end_of_open_holiday(span, rentrees));
        auto kind = span.role == EventRole::Holiday ? ClosureKind::SchoolHoliday : ClosureKind::Closure;
        periods.push_back({span.first, last, kind, label_of(span.summary)});
    }
    std::stable_sort(periods.begin(), periods.end(),
                     [](const ClosedPeriod& a, const ClosedPeriod& b) { return a.first < b.first; });
    return periods;
}

// Walks the components (VCALENDAR, VEVENT, VTIMEZONE, VALARM...) and keeps what VEVENTs say.
class IcsReader {
public:
    Result<void> read(const ContentLine& line) {
        if (m_open.empty() && upper_ascii(trim(line.text)) != "BEGIN:VCALENDAR")
            return make_error(at_line(line.number) + "expected BEGIN:VCALENDAR, got " + excerpt(line.text));
        auto property = BADGEUSE_TRY(read_property(line));
        if (property.name == "BEGIN")
            return begin(upper_ascii(trim(property.value)), line.number);
        if (property.name == "END")
            return end(upper_ascii(trim(property.value)), line.number);
        if (m_open.back().name == "VEVENT")
            return event_property(property, line.number);
        return Done{};
    }

    Result<std::vector<ClosedPeriod>> finish(int last_line) const {
        if (last_line == 0)
            return make_error("line 1: expected BEGIN:VCALENDAR, got nothing");
        if (!m_open.empty())
            return make_error(at_line(last_line) + "the text ends before END:" + m_open.back().name +
                              " (for BEGIN:" + m_open.back().name + " on line " +
                              std::to_string(m_open.back().line) + ")");
        return resolve(m_spans);
    }

private:
    struct Open {
        std::string name;
        int line = 0;
    };

    Result<void> begin(std::string component, int line) {
        if (component == "VEVENT" && m_event)
            return make_error(at_line(line) + "BEGIN:VEVENT inside the event that begins on line " +
                              std::to_string(m_event->begin_line) + "; expected END:VEVENT first");
        if (component == "VEVENT")
            m_event = EventDraft{line, {}, {}, 0, {}, false};
        m_open.push_back({std::move(component), line});
        return Done{};
    }

    Result<void> end(const std::string& component, int line) {
        const auto& open = m_open.back();
        if (open.name != component)
            return make_error(at_line(line) + "expected END:" + open.name + " (for BEGIN:" + open.name +
                              " on line " + std::to_string(open.line) + "), got END:" + component);
        if (component == "VEVENT" && m_event && !m_event->cancelled)
            m_spans.push_back(BADGEUSE_TRY(span_of(*m_event, line)));
        if (component == "VEVENT")
            m_event.reset();
        m_open.pop_back();
        return Done{};
    }

    Result<void> event_property(const Property& property, int line) {
        auto& event = *m_event;
        if (property.name == "DTSTART")
            return set_once(event.start, BADGEUSE_TRY(read_stamp(property, line)), property, line);
        if (property.name == "DTEND") {
            event.end_line = line;
            return set_once(event.end, BADGEUSE_TRY(read_stamp(property, line)), property, line);
        }
        if (property.name == "SUMMARY")
            return set_once(event.summary, unescape_text(property.value), property, line);
        if (property.name == "STATUS")
            event.cancelled = upper_ascii(trim(property.value)) == "CANCELLED";
        if (property.name == "DURATION")
            return make_error(at_line(line) +
                              "DURATION is not supported; give the end of the period as DTEND");
        if (property.name == "RRULE" || property.name == "RDATE")
            return make_error(at_line(line) + property.name +
                              " (a repeating event) is not supported; give each period its own event");
        return Done{};
    }

    template <typename T>
    Result<void> set_once(std::optional<T>& slot, T value, const Property& property, int line) {
        if (slot)
            return make_error(at_line(line) + "a second " + property.name +
                              " in the event that begins on line " + std::to_string(m_event->begin_line));
        slot = std::move(value);
        return Done{};
    }

    std::vector<Open> m_open;
    std::optional<EventDraft> m_event;
    std::vector<EventSpan> m_spans;
};

} // namespace

Result<std::vector<ClosedPeriod>> parse_school_calendar_ics(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3); // a UTF-8 byte order mark, as some editors write
    auto lines = BADGEUSE_TRY(unfold_lines(text));
    IcsReader reader;
    for (const auto& line : lines)
        BADGEUSE_CHECK(reader.read(line));
    return reader.finish(lines.empty() ? 0 : lines.back().number);
}

} // namespace badgeuse
