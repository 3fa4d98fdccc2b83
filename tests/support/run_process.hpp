// run_process: runs a real executable with arguments, waits, and returns its exit status and output.
// Tests use it to check command lines the way an admin would meet them.
#pragma once

#include <string>
#include <vector>

namespace badgeuse::testing {

struct ProcessResult {
    int exit_code = -1; // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::string& executable, const std::vector<std::string>& args,
                          const std::string& stdin_text = "");

} // namespace badgeuse::testing
