# Partnerdesk. `make run` and `make test` do all the set-up a fresh Debian
# machine needs (scripts/install-deps.sh installs the C headers Fyne's cgo
# build wants, guarded so it is quick when they are there).

GO      ?= go
BIN     ?= partnerdesk
# Packages with no Fyne in them: tested with the race detector.
PURE     = ./engine/... ./data/... ./reports/... ./app/... ./icons/... ./internal/...
TIMEOUT ?= 900s

.PHONY: all deps run build test test-pure test-ui lint portability bench crashtest package windows darwin demo clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(GO) build -o $(BIN) .

# Opens the GUI on the default database, creating the demo company first when
# no database exists yet.
run: build
	./$(BIN) demo --if-missing
	./$(BIN)

test: deps lint portability test-pure test-ui

# Every package but the window's wiring (app/gui and the root main, which
# need cgo) compiles and vets, tests included, for Windows and macOS
# without cgo: a Unix-only call outside a build-tagged file fails here in
# seconds, not at a user's desk. On macOS Fyne's widgets need cgo, so ui is
# left out there. See docs/decisions.md, "Platforms".
NOWINDOW = $(shell $(GO) list ./... | grep -v -e '/app/gui$$' -e '^partnerdesk$$')
portability:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet $(NOWINDOW)
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) vet $(filter-out partnerdesk/ui,$(NOWINDOW))

test-pure:
	$(GO) test -race -timeout $(TIMEOUT) $(PURE)

# The screens build without cgo: ui never imports fyne.io/fyne/v2/app.
test-ui:
	CGO_ENABLED=0 $(GO) test -timeout $(TIMEOUT) ./ui/...
	$(GO) build -o /dev/null .

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 3600s ./engine/... ./data/... ./reports/... ./app/...

# The engine against its naive reference (engine/reference) on 10,000
# random programs and datasets; `make test` runs a quick 300.
.PHONY: property
property:
	PARTNERDESK_PROPERTY_N=10000 $(GO) test -run TestReferenceMatchesEngine -timeout 3600s -v ./engine/reference/

crashtest:
	PARTNERDESK_CRASH_KILLS=1000 $(GO) test -run TestCrash -timeout 3600s -v ./app/crashtest/

FYNE = $(GO) run fyne.io/tools/cmd/fyne@v1.7.4

# The Linux bundle: Partnerdesk.tar.xz with the binary, desktop entry and
# icon; `mkdir pd && tar -xJf Partnerdesk.tar.xz -C pd && sudo make -C pd
# install` (or `make -C pd user-install`) installs it.
package: deps
	$(FYNE) package -os linux -icon icons/icon.png -name Partnerdesk -appID com.partnerdesk.app

# partnerdesk.exe for 64-bit Windows, cross-built with MinGW (installed by
# scripts/install-deps.sh --windows), with the icon and the version of
# FyneApp.toml embedded as a Windows resource by fyne package. About five
# minutes cold; `make test` does not run it.
# The fyne tool itself is built for this machine (go run would build it for
# Windows under GOOS=windows).
FYNE_TOOL = .tools/fyne
$(FYNE_TOOL):
	GOBIN=$(CURDIR)/.tools $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

windows: $(FYNE_TOOL)
	@bash scripts/install-deps.sh --windows
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(FYNE_TOOL) package -os windows -icon icons/icon.png -name Partnerdesk -appID com.partnerdesk.app -release
	mv -f Partnerdesk.exe partnerdesk.exe
	@ls -l partnerdesk.exe

# The macOS app needs Apple's SDK (Xcode's clang and frameworks), which
# only a Mac has: there `make darwin` builds Partnerdesk.app. Elsewhere it
# says so and stops; `make portability` still compiles every package but
# the window's wiring for macOS.
darwin: $(FYNE_TOOL)
	@if [ "$$(uname -s)" != Darwin ] || ! xcrun --show-sdk-path >/dev/null 2>&1; then \
	  echo "make darwin: no macOS SDK here (it needs a Mac with Xcode's command line tools: xcode-select --install)."; \
	  echo "make portability has checked that every package but the window's wiring compiles for macOS."; \
	  exit 1; \
	fi
	$(FYNE_TOOL) package -os darwin -icon icons/icon.png -name Partnerdesk -appID com.partnerdesk.app -release

demo: build
	./$(BIN) demo

# Every screen and main dialog in the seven window languages, rendered
# headlessly with Fyne's test driver (no display) at 1280x800 into
# $(SHOTS)/<language>/<screen>.png. The list is `shots` in
# ui/screenshots_test.go. `make test` renders one of them only.
SHOTS ?= screenshots
.PHONY: screenshots
screenshots:
	@mkdir -p "$(SHOTS)"
	PARTNERDESK_SHOTS="$(abspath $(SHOTS))" CGO_ENABLED=0 $(GO) test -count=1 -run '^TestScreenshots$$' -timeout 1800s ./ui/
	@echo "screenshots in $(SHOTS)/<language>/<screen>.png"

clean:
	rm -f $(BIN) Partnerdesk.tar.xz partnerdesk.exe
	rm -rf .tools

# The model-based test's long run: 10,000 random histories of 60 steps, every
# invariant checked after every step (app/modeltest). `go test` runs a quick
# seeded 40 (under `make test`'s -race, 8) with the rest of ./app/...
.PHONY: modeltest
modeltest:
	PARTNERDESK_MODEL_N=10000 $(GO) test -run TestModelHistories -timeout 86400s -v ./app/modeltest/
