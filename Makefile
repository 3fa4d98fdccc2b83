# Badgeuse's top-level Makefile only delegates to the CMake presets (as neovim's does).
#   make deps   install the Debian 12 packages the build and tests need
#   make demo   build (release) and start the demo
#   make test   build (dev) and run every test with ctest
#   make bench  build (release) and run the benchmarks
# Variables: PRESET (dev, release, asan), WERROR=ON to make warnings errors (CI does).

PRESET ?= dev
WERROR ?= OFF
CMAKE ?= cmake
CTEST ?= ctest
DEMO_ARGS ?=

.PHONY: all deps configure build test demo bench asan format clean distclean

all: build

deps:
	@scripts/install-deps

configure: deps
	$(CMAKE) --preset $(PRESET) -DBADGEUSE_WERROR=$(WERROR)

build: configure
	$(CMAKE) --build --preset $(PRESET)

test: build
	$(CTEST) --preset $(PRESET)

demo: deps
	$(CMAKE) --preset release -DBADGEUSE_WERROR=$(WERROR)
	$(CMAKE) --build --preset release
	build/release/tools/badgeuse-demo $(DEMO_ARGS)

bench: deps
	$(CMAKE) --preset release -DBADGEUSE_WERROR=$(WERROR)
	$(CMAKE) --build --preset release
	$(CMAKE) -E make_directory build/bench
	build/release/tests/bench/badgeuse-bench --out build/bench

asan:
	$(MAKE) test PRESET=asan

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	$(CMAKE) --build --preset $(PRESET) --target clean

distclean:
	$(CMAKE) -E rm -rf build
