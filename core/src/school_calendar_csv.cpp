// Reads and writes the CSV form of a school calendar: the town's own closures, written by hand or
// exported from a spreadsheet (RFC 4180 quoting).
#include "badgeuse/core/school_calendar.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse {
namespace {

constexpr std::array<std::string_view, 4> kColumns = {"first", "last", "kind", "label"};
constexpr std::string_view kHeader = "first,last,kind,label";

// "line 3, column 2 (last): "
std::string at_cell(int line, std::size_t column) {
    auto out = "line " + std::to_string(line) + ", column " + std::to_string(column + 1);
    if (column < kColumns.size())
        out += " (" + std::string(kColumns[column]) + ")";
    return out + ": ";
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

struct CsvRecord {
    int line = 0; // where the record starts; a quoted field may run onto the next lines
    std::vector<std::string> fields;
};

// Splits CSV text into records, passing over blank lines and lines that start with '#'. Blanks around
// an unquoted field are dropped; a quoted field keeps them.
class CsvReader {
public:
    explicit CsvReader(std::string_view text)
        : m_text(text) {}

    // The next record, or none at the end of the text.
    Result<std::optional<CsvRecord>> next() {
        while (!at_end() && skip_comment_or_blank_line()) {
        }
        if (at_end())
            return std::optional<CsvRecord>{};
        CsvRecord record{m_line, {}};
        while (true) {
            skip_blanks();
            auto column = record.fields.size();
            if (!at_end() && m_text[m_pos] == '"')
                record.fields.push_back(BADGEUSE_TRY(quoted_field(record.line, column)));
            else
                record.fields.push_back(plain_field());
            if (at_record_end())
                break;
            ++m_pos; // the comma
        }
        skip_newline();
        return std::optional<CsvRecord>{std::move(record)};
    }

private:
    bool at_end() const { return m_pos >= m_text.size(); }

    bool at_record_end() const {
        if (at_end() || m_text[m_pos] == '\n')
            return true;
        return m_text[m_pos] == '\r' && (m_pos + 1 == m_text.size() || m_text[m_pos + 1] == '\n');
    }

    void skip_blanks() {
        while (!at_end() && is_blank(m_text[m_pos]))
            ++m_pos;
    }

    void skip_newline() {
        if (!at_end() && m_text[m_pos] == '\r')
            ++m_pos;
        if (!at_end() && m_text[m_pos] == '\n') {
            ++m_pos;
            ++m_line;
        }
    }

    bool skip_comment_or_blank_line() {
        auto newline = m_text.find('\n', m_pos);
        auto line = m_text.substr(m_pos, newline == std::string_view::npos ? newline : newline - m_pos);
        auto first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos && line[first] != '#')
            return false;
        m_pos = newline == std::string_view::npos ? m_text.size() : newline + 1;
        ++m_line;
        return true;
    }

    std::string plain_field() {
        auto start = m_pos;
        while (!at_end() && m_text[m_pos] != ',' && m_text[m_pos] != '\n')
            ++m_pos;
        auto field = m_text.substr(start, m_pos - start);
        while (!field.empty() && (is_blank(field.back()) || field.back() == '\r'))
            field.remove_suffix(1);
        std::string out(field);
        std::replace(out.begin(), out.end(), '\r', '\n'); // as in a quoted field
        return out;
    }

    Result<std::string> quoted_field(int line, std::size_t column) {
        ++m_pos; // the opening quote
        std::string out;
        while (true) {
            if (at_end())
                return make_error(at_cell(line, column) + "the quote is never closed");
            char c = m_text[m_pos++];
            if (c == '"' && !at_end() && m_text[m_pos] == '"') {
                out += '"';
                ++m_pos;
                continue;
            }
            if (c == '"')
                break;
            if (c == '\r' && !at_end() && m_text[m_pos] == '\n')
                continue; // a CRLF inside the quotes reads as one line break
            if (c == '\n')
                ++m_line;
            // A lone CR too: labels never hold one, so that what is read writes back the same.
            out += c == '\r' ? '\n' : c;
        }
        skip_blanks();
        if (!at_record_end() && m_text[m_pos] != ',')
            return make_error(at_cell(line, column) + "expected a comma after the closing quote");
        return out;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

std::string joined(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i == 0 ? "" : ",") + fields[i];
    return out;
}

Result<void> check_header(const std::optional<CsvRecord>& header) {
    if (!header)
        return make_error("line 1: expected the header " + std::string(kHeader) + ", got nothing");
    if (!std::equal(header->fields.begin(), header->fields.end(), kColumns.begin(), kColumns.end()))
        return make_error("line " + std::to_string(header->line) + ": expected the header " +
                          std::string(kHeader) + ", got '" + joined(header->fields) + "'");
    return Done{};
}

// Says which cell a value came from.
template <typename T>
Result<T> in_cell(Result<T> result, int line, std::size_t column) {
    if (!result)
        return make_error(at_cell(line, column) + result.error().message);
    return result;
}

Result<ClosedPeriod> period_of(const CsvRecord& record) {
    const auto& f = record.fields;
    if (f.size() != kColumns.size()) {
        auto message = "line " + std::to_string(record.line) + ": expected 4 columns (" +
                       std::string(kHeader) + "), got " + std::to_string(f.size());
        if (f.size() > kColumns.size())
            message += "; put a label that has a comma in double quotes";
        return make_error(message);
    }
    auto first = BADGEUSE_TRY(in_cell(parse_date(f[0]), record.line, 0));
    auto last = BADGEUSE_TRY(in_cell(parse_date(f[1]), record.line, 1));
    auto kind = BADGEUSE_TRY(in_cell(parse_closure_kind_key(f[2]), record.line, 2));
    if (last < first)
        return make_error(at_cell(record.line, 1) + format_date(last) + " is before the first day, " +
                          format_date(first));
    return ClosedPeriod{first, last, kind, f[3]};
}

// Quotes a label only when reading it back plain would change it.
std::string csv_field(std::string_view text) {
    bool plain = text.find_first_of(",\"\r\n") == std::string_view::npos &&
                 (text.empty() || (!is_blank(text.front()) && !is_blank(text.back())));
    if (plain)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

Result<std::vector<ClosedPeriod>> parse_school_calendar_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3); // the byte order mark spreadsheets write
    CsvReader reader(text);
    auto header = BADGEUSE_TRY(reader.next());
    BADGEUSE_CHECK(check_header(header));
    std::vector<ClosedPeriod> periods;
    while (auto record = BADGEUSE_TRY(reader.next()))
        periods.push_back(BADGEUSE_TRY(period_of(*record)));
    std::stable_sort(periods.begin(), periods.end(),
                     [](const ClosedPeriod& a, const ClosedPeriod& b) { return a.first < b.first; });
    return periods;
}

std::string format_school_calendar_csv(const std::vector<ClosedPeriod>& periods) {
    std::string out = std::string(kHeader) + "\n";
    for (const auto& period : periods)
        out += format_date(period.first) + "," + format_date(period.last) + "," +
               std::string(closure_kind_key(period.kind)) + "," + csv_field(period.label) + "\n";
    return out;
}

} // namespace badgeuse
