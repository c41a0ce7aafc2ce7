# The two commands of the README:
#   make run    installs what the build needs (when missing), builds, packs examples/http-hello
#               and starts it (try: curl http://127.0.0.1:3000/; Ctrl-C stops it)
#   make test   builds and runs every test
# CI runs `make test` through .ci/run.

CARGO ?= cargo
SYSTEM_PACKAGES := cmake libsimde-dev
RELEASE := target/release
HELLO := $(RELEASE)/http-hello
# The stub runtime every packed app carries, built on its own size-tuned profile (Cargo.toml's
# [profile.stub]); `pack` takes it from PACK_STUB, for the tests and benchmarks too.
STUB := $(CURDIR)/target/stub/stub-runtime
export PACK_STUB := $(STUB)

.PHONY: run test build deps bench clean

run: deps build
	$(RELEASE)/pack build examples/http-hello/index.js -o $(HELLO)
	$(HELLO)

build: deps
	$(CARGO) build --release
	$(CARGO) build --profile stub -p stub-runtime

# The engine's C parts need cmake, and libsimde-dev lets them build without network access.
deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || printf '%s ' $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $$missing"; apt-get update -qq && apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages; install them with:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

test: build
	$(CARGO) test --release --workspace

bench: build
	benches/footprint.sh
	benches/startup.sh
	benches/http.sh
	benches/workers.sh

clean:
	$(CARGO) clean
