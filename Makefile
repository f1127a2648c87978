# Partnerdesk. `make run` and `make test` do all the set-up a fresh Debian
# machine needs (scripts/install-deps.sh installs the C headers Fyne's cgo
# build wants, guarded so it is quick when they are there).

GO      ?= go
BIN     ?= partnerdesk
# Packages with no Fyne in them: tested with the race detector.
PURE     = ./engine/... ./data/... ./reports/... ./app/... ./icons/...
TIMEOUT ?= 900s

.PHONY: all deps run build test test-pure test-ui lint bench crashtest package demo clean

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

test: deps lint test-pure test-ui

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

package: deps
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux -icon icons/icon.png -name Partnerdesk -appID com.partnerdesk.app

demo: build
	./$(BIN) demo

clean:
	rm -f $(BIN) Partnerdesk.tar.xz

# The model-based test's long run: 10,000 random histories of 60 steps, every
# invariant checked after every step (app/modeltest). `make test` runs its
# quick seeded version (40 histories) with the rest of ./app/...
.PHONY: modeltest
modeltest:
	PARTNERDESK_MODEL_N=10000 $(GO) test -run TestModelHistories -timeout 86400s -v ./app/modeltest/
