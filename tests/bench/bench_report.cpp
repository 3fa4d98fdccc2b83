// Report printing and JSON writing.
#include "bench_report.hpp"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/utsname.h>
#include <thread>

namespace badgeuse::bench {
namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

} // namespace

void Report::add(std::string key, double value, std::string unit) {
    m_rows.push_back({std::move(key), value, std::move(unit)});
}
void Report::add(std::string key, std::string value) {
    m_rows.push_back({std::move(key), std::move(value), ""});
}

void Report::add_summary(const std::string& prefix, const Summary& s) {
    add(prefix + ".count", static_cast<double>(s.count));
    add(prefix + ".median_us", s.median_us, "µs");
    add(prefix + ".p99_us", s.p99_us, "µs");
    add(prefix + ".max_us", s.max_us, "µs");
    add(prefix + ".per_second", s.per_second, "/s");
}

void Report::print() const {
    std::cout << "\n== " << m_name << " ==\n";
    for (const auto& row : m_rows) {
        std::cout << "  " << std::left << std::setw(36) << row.key << ' ';
        if (const auto* number = std::get_if<double>(&row.value))
            std::cout << std::right << std::setw(14) << std::fixed << std::setprecision(2) << *number << ' '
                      << row.unit;
        else
            std::cout << std::get<std::string>(row.value);
        std::cout << '\n';
    }
    std::cout.flush();
}

std::filesystem::path Report::write_json(const std::filesystem::path& dir) const {
    std::filesystem::create_directories(dir);
    auto path = dir / (m_name + ".json");
    std::ofstream out(path);
    out << "{\n  \"benchmark\": " << json_string(m_name);
    for (const auto& row : m_rows) {
        out << ",\n  " << json_string(row.key) << ": ";
        if (const auto* number = std::get_if<double>(&row.value))
            out << std::setprecision(6) << *number;
        else
            out << json_string(std::get<std::string>(row.value));
    }
    out << "\n}\n";
    return path;
}

std::string machine_description() {
    std::string model = "unknown CPU";
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    utsname names{};
    uname(&names);
    std::ostringstream out;
    out << model << ", " << std::thread::hardware_concurrency() << " cores, Linux " << names.release;
    return out.str();
}

} // namespace badgeuse::bench
