#!/usr/bin/env bash
# What `npm test` and `npm run demo` need before they start, so a fresh clone needs no separate install step:
#   scripts/setup.sh deps       npm ci when node_modules is missing or older than package-lock.json
#   scripts/setup.sh packages   Debian's chromium (browser check), postgresql, redis-server (queue mode), tinyproxy
#                               (proxy suite) and openssl (its TLS front), with apt-get when missing and we are root
# The suites run these binaries as their own processes on 127.0.0.1 (test/e2e/harness/services.ts); services the
# packages may start system-wide are not used.
set -euo pipefail
cd "$(dirname "$0")/.."

deps() {
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "setup: npm ci (node_modules missing or older than package-lock.json)"
		npm ci --no-audit --no-fund
	fi
}

packages() {
	local missing=()
	[ -x /usr/bin/chromium ] || missing+=(chromium)
	compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
	[ -x /usr/bin/redis-server ] || missing+=(redis-server)
	[ -x /usr/bin/tinyproxy ] || missing+=(tinyproxy)
	command -v openssl >/dev/null 2>&1 || missing+=(openssl)
	[ ${#missing[@]} -eq 0 ] && return 0
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		echo "setup: apt-get install ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
	else
		echo "setup: missing Debian packages ${missing[*]} (install them as root: apt-get install -y ${missing[*]}); the suites that need them fail" >&2
	fi
}

for step in "$@"; do "$step"; done
