// Latency samples and their summary (median, p99, rate) for the benchmarks.
// Samples are kept whole: at our sizes (thousands) sorting them is cheaper than a sketch.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <vector>

namespace badgeuse::bench {

struct Summary {
    std::size_t count = 0;
    double median_us = 0;
    double p99_us = 0;
    double max_us = 0;
    double mean_us = 0;
    double per_second = 0; // count / total time of the samples
};

class Samples {
public:
    void reserve(std::size_t n) { m_us.reserve(n); }
    void add(std::chrono::nanoseconds d) { m_us.push_back(static_cast<double>(d.count()) / 1000.0); }

    Summary summary() const {
        Summary s;
        s.count = m_us.size();
        if (m_us.empty())
            return s;
        auto sorted = m_us;
        std::sort(sorted.begin(), sorted.end());
        auto at = [&](double q) {
            auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size()))) - 1;
            return sorted[std::min(index, sorted.size() - 1)];
        };
        double total = 0;
        for (double v : sorted)
            total += v;
        s.median_us = at(0.5);
        s.p99_us = at(0.99);
        s.max_us = sorted.back();
        s.mean_us = total / static_cast<double>(sorted.size());
        s.per_second = total > 0 ? static_cast<double>(sorted.size()) / (total / 1e6) : 0;
        return s;
    }

private:
    std::vector<double> m_us;
};

// Times one call.
template <typename F>
std::chrono::nanoseconds time_it(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::steady_clock::now() - start;
}

} // namespace badgeuse::bench
