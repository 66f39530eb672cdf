# Keep: the two commands a new user runs are `make run` and `make test`.
# Every target installs the system packages it needs first (apt, as root or through sudo).

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages Keep builds and tests against. OpenSSL 3 for every primitive and TLS; SQLite for the store.
SYSTEM_PACKAGES := pkg-config libssl-dev openssl libsqlite3-dev python3 python3-venv

# The test suite's Python (PyKMIP, cryptography), in a virtualenv made from PyPI.
VENV := .venv
PYTHON_REQUIREMENTS := Tests/Python/requirements.txt

FUZZ_SECONDS ?= 60
FUZZ_DIR := Fuzz

.PHONY: all deps venv build release run test bench fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.ready

$(VENV)/.ready: $(PYTHON_REQUIREMENTS) | deps
	rm -rf $(VENV)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r $(PYTHON_REQUIREMENTS)
	touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# A development installation in .keep (made on first run: CA, certificates, partition with a random PIN, the
# `demo` tenant with a hypervisor client, an installation administrator whose settings keepctl then finds), then
# keepd on 127.0.0.1:5696 in the foreground. An installation made before keepctl administered keepd gets its
# administrator on the next run. Nothing generated is committed (.keep/ is ignored; see certs/README.md).
DEV_DIR := .keep

run: build
	@[ -f $(DEV_DIR)/keepd.json ] || $(SWIFT) run keepctl init --data-dir $(DEV_DIR) --demo
	@[ -f $(DEV_DIR)/keepctl.json ] || $(SWIFT) run keepctl recover-admin --data-dir $(DEV_DIR) --name admin
	$(SWIFT) run keepd --config $(DEV_DIR)/keepd.json

test: deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# keep-bench kmip also measures PyKMIP's server when pykmip-server is on PATH: the test virtualenv's is used if present.
bench: release
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(SWIFT) run -c release keep-bench

# Builds the TTLV decoder harness with libFuzzer + AddressSanitizer and runs it for FUZZ_SECONDS.
# New inputs go to Fuzz/corpus (kept between runs); crashers to Fuzz/artifacts. See docs/wire-format.md.
fuzz: deps
	@$(FUZZ_DIR)/build.sh
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	$(FUZZ_DIR)/bin/ttlv-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -dict=$(FUZZ_DIR)/ttlv.dict \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/ $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds

clean:
	rm -rf .build $(VENV) $(FUZZ_DIR)/bin
	@echo "(the development installation in $(DEV_DIR) is kept; remove it by hand to start over)"
