// The CSV reading the portal's imports share: fields split per RFC 4180 (commas, double quotes with ""
// inside, CRLF or LF), each line with its number in the file so that errors can name it.
#pragma once

#include "badgeuse/core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::portal {

struct CsvLine {
    int number = 0; // the file's line the record begins on
    std::vector<std::string> fields;
};

// Splits the whole text; blank lines are left out. The error names the file and the line.
Result<std::vector<CsvLine>> split_csv(std::string_view text, std::string_view file);

// "file.csv:12: role (column 4): message", for an error about one cell.
Error csv_cell_error(std::string_view file, const CsvLine& line, std::size_t column,
                     std::string_view column_name, const std::string& message);

// The header as written, fields joined by commas.
std::string joined_header(const CsvLine& line);

} // namespace badgeuse::portal
