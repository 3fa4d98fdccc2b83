// RFC 4180 output for the exports: a field is quoted only when it must be, quotes doubled inside.
#include "badgeuse/portal/export_commands.hpp"

#include <ostream>

namespace badgeuse::portal {

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(value);
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i == 0 ? "" : ",") << csv_field(fields[i]);
    out << "\r\n";
}

} // namespace badgeuse::portal
