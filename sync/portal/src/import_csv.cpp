// The imports' CSV splitter: one pass over the text, quotes per RFC 4180, line numbers kept.
#include "badgeuse/portal/import_csv.hpp"

namespace badgeuse::portal {

Result<std::vector<CsvLine>> split_csv(std::string_view text, std::string_view file) {
    std::vector<CsvLine> lines;
    CsvLine current{1, {}};
    std::string field;
    bool quoted = false;
    bool field_started = false;
    int line_number = 1;
    auto end_line = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank)
            lines.push_back(std::move(current));
        current = CsvLine{line_number + 1, {}};
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line_number;
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            current.fields.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n') {
            end_line();
            ++line_number;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted)
        return make_error(std::string(file) + ":" + std::to_string(current.number) +
                          ": a quoted field is never closed");
    if (!field.empty() || !current.fields.empty())
        end_line();
    return lines;
}

Error csv_cell_error(std::string_view file, const CsvLine& line, std::size_t column,
                     std::string_view column_name, const std::string& message) {
    return make_error(std::string(file) + ":" + std::to_string(line.number) + ": " +
                      std::string(column_name) + " (column " + std::to_string(column + 1) + "): " + message);
}

std::string joined_header(const CsvLine& line) {
    std::string header;
    for (const std::string& name : line.fields)
        header += (header.empty() ? "" : ",") + name;
    return header;
}

} // namespace badgeuse::portal
