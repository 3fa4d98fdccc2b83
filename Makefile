# Badgeuse's top-level Makefile only delegates to the CMake presets (as neovim's does).
#   make deps   install the Debian 12 packages the build and tests need
#   make demo   build (release), start a local portal on the demo school and the kiosk window synced to it
#   make test   build (dev) and run every test with ctest
#   make bench  build (release) and run the benchmarks
#   make fuzz   build the libFuzzer target (clang) and fuzz the portal's requests for FUZZ_SECONDS (600)
# Variables: PRESET (dev, release, asan), WERROR=ON to make warnings errors (CI does).

PRESET ?= dev
WERROR ?= OFF
CMAKE ?= cmake
CTEST ?= ctest
DEMO_ARGS ?=
FUZZ_SECONDS ?= 600

.PHONY: all deps configure build test demo bench fuzz asan format clean distclean

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
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "make demo: no display (DISPLAY is not set): the kiosk needs a screen."; \
	  echo "  Run it from a desktop session, or under Xvfb: xvfb-run -a build/release/kiosk/kiosk --demo --with-portal --windowed"; \
	  echo "  The text demo needs none: build/release/tools/badgeuse-demo"; \
	  exit 1; \
	fi
	build/release/kiosk/kiosk --demo --with-portal --windowed $(DEMO_ARGS)

bench: deps
	$(CMAKE) --preset release -DBADGEUSE_WERROR=$(WERROR)
	$(CMAKE) --build --preset release
	$(CMAKE) -E make_directory build/bench
	build/release/tests/bench/badgeuse-bench --out build/bench
	build/release/tests/bench/kiosk-bench --out build/bench --kiosk build/release/kiosk/kiosk

fuzz: configure
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(CMAKE) --build --preset $(PRESET) --target fuzz

asan:
	$(MAKE) test PRESET=asan

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	$(CMAKE) --build --preset $(PRESET) --target clean

distclean:
	$(CMAKE) -E rm -rf build
