// The benchmarks' report: a table on stdout and one JSON file per benchmark under the output folder.
// JSON is written by hand (flat objects of numbers and strings) to keep the bench free of libraries.
#pragma once

#include "bench_stats.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace badgeuse::bench {

class Report {
public:
    explicit Report(std::string name)
        : m_name(std::move(name)) {}

    void add(std::string key, double value, std::string unit = "");
    void add(std::string key, std::string value);
    void add_summary(const std::string& prefix, const Summary& s);

    // Prints "name / key / value unit" rows.
    void print() const;
    // Writes <dir>/<name>.json; returns the path.
    std::filesystem::path write_json(const std::filesystem::path& dir) const;

private:
    struct Row {
        std::string key;
        std::variant<double, std::string> value;
        std::string unit;
    };
    std::string m_name;
    std::vector<Row> m_rows;
};

// The machine the figures were taken on, for the report: CPU model, cores, kernel.
std::string machine_description();

} // namespace badgeuse::bench
