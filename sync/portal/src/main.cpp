// portal: the central Badgeuse service and its admin subcommands.
#include "badgeuse/portal/cli.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    try {
        return badgeuse::portal::run_cli(argc, argv, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "portal: " << e.what() << '\n';
        return badgeuse::portal::kExitFailure;
    }
}
