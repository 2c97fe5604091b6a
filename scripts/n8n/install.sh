#!/usr/bin/env bash
# Installs a real n8n (pinned) and the Node it needs into .n8n-cache/, without touching the machine's Node.
#
#   bash scripts/n8n/install.sh        (or: npm run n8n:install)
#
# Idempotent: each step leaves a ".complete" marker in a folder keyed by the versions it installed, so a
# second run only checks the markers (seconds). Works on a machine with Node 20, npm, python3 and g++ and
# access to the npm registry only:
#   - Node 24 comes from the registry package node-linux-<arch> (the binary the `node` package would fetch);
#   - n8n is installed with --ignore-scripts (one of its dependencies downloads zlib from the internet in
#     its install script), then only the native modules n8n needs are rebuilt: sqlite3 (built from source
#     with node-gyp against Node 24's headers) and isolated-vm (ships linux-x64 prebuilds).
# At the end it writes .n8n-cache/installed.json ({ nodeBin, n8nBin, ... }) for the e2e suite and the demo.
#
# Environment: N8N_VERSION (default below), N8N_NODE_VERSION (default below), N8N_CACHE_DIR.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_VERSION="${N8N_NODE_VERSION:-24.21.0}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${N8N_CACHE_DIR:-$REPO_DIR/.n8n-cache}"

case "$(uname -m)" in
	x86_64) NODE_ARCH=x64 ;;
	aarch64 | arm64) NODE_ARCH=arm64 ;;
	*) echo "n8n:install: unsupported machine architecture $(uname -m)" >&2; exit 1 ;;
esac
NODE_PACKAGE="node-linux-$NODE_ARCH"
NODE_DIR="$CACHE_DIR/node-$NODE_VERSION-$NODE_ARCH"
NODE_HOME="$NODE_DIR/node_modules/$NODE_PACKAGE"
NODE_BIN="$NODE_HOME/bin/node"
N8N_DIR="$CACHE_DIR/n8n-$N8N_VERSION-node-$NODE_VERSION-$NODE_ARCH"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"

started_at=$(date +%s)
log() { echo "n8n:install: $*"; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

# npm settings for every npm call below: quiet, no audit, and never the repository's own .npmrc/lockfile.
npm_quiet() { npm --no-audit --no-fund --loglevel=error --update-notifier=false "$@"; }

mkdir -p "$CACHE_DIR"
# One install at a time (the demo and the e2e suite may start together).
exec 9>"$CACHE_DIR/.install.lock"
if ! flock -w 900 9; then
	echo "n8n:install: another install holds $CACHE_DIR/.install.lock for over 15 minutes" >&2
	exit 1
fi

write_private_package_json() {
	mkdir -p "$1"
	[ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$2" >"$1/package.json"
}

# --- Node ---------------------------------------------------------------------------------------------
if [ -f "$NODE_DIR/.complete" ] && [ -x "$NODE_BIN" ]; then
	log "Node $NODE_VERSION already in $NODE_DIR"
else
	step_started=$(date +%s)
	log "installing Node $NODE_VERSION ($NODE_PACKAGE from the npm registry) into $NODE_DIR"
	rm -rf "$NODE_DIR"
	write_private_package_json "$NODE_DIR" n8n-cache-node
	(cd "$NODE_DIR" && npm_quiet install --ignore-scripts --no-package-lock "$NODE_PACKAGE@$NODE_VERSION")
	actual_node_version="$("$NODE_BIN" --version)"
	if [ "$actual_node_version" != "v$NODE_VERSION" ]; then
		echo "n8n:install: expected Node v$NODE_VERSION, got $actual_node_version" >&2
		exit 1
	fi
	touch "$NODE_DIR/.complete"
	log "Node $actual_node_version installed in $(seconds_since "$step_started") s"
fi

# --- n8n ----------------------------------------------------------------------------------------------
if [ -f "$N8N_DIR/.complete" ] && [ -f "$N8N_BIN" ]; then
	log "n8n $N8N_VERSION already in $N8N_DIR"
else
	step_started=$(date +%s)
	log "installing n8n@$N8N_VERSION into $N8N_DIR (cold install: a few minutes, about 3 GB)"
	rm -rf "$N8N_DIR"
	write_private_package_json "$N8N_DIR" n8n-cache-runtime
	(cd "$N8N_DIR" && npm_quiet install --ignore-scripts "n8n@$N8N_VERSION")
	log "n8n@$N8N_VERSION packages installed in $(seconds_since "$step_started") s"

	step_started=$(date +%s)
	log "building native modules (sqlite3 from source, isolated-vm prebuild) for Node $NODE_VERSION"
	# Under Node 24, with its own headers (the machine's npm config may point nodedir at Node 20's).
	(
		cd "$N8N_DIR"
		export PATH="$NODE_HOME/bin:$PATH"
		export npm_config_nodedir="$NODE_HOME"
		# sqlite3's prebuilt binary would be downloaded from outside the registry: build it from source.
		npm_config_build_from_source=true npm_quiet rebuild --ignore-scripts=false sqlite3
		npm_quiet rebuild --ignore-scripts=false isolated-vm
	)
	log "native modules built in $(seconds_since "$step_started") s"

	# Check that both native modules really load under Node 24 before calling the install complete.
	(cd "$N8N_DIR" && "$NODE_BIN" -e '
		const sqlite3 = require("sqlite3");
		const db = new sqlite3.Database(":memory:");
		db.get("select 40 + 2 as answer", (error, row) => {
			if (error || row.answer !== 42) { console.error("sqlite3 does not work", error); process.exit(1); }
			require("isolated-vm");
			db.close();
		});
	')
	"$NODE_BIN" "$N8N_BIN" --version >/dev/null
	touch "$N8N_DIR/.complete"
fi

installed_version="$(cd "$N8N_DIR" && "$NODE_BIN" -p 'require("n8n/package.json").version')"
cat >"$CACHE_DIR/installed.json" <<JSON
{
  "n8nVersion": "$installed_version",
  "nodeVersion": "$NODE_VERSION",
  "nodeBin": "$NODE_BIN",
  "nodeBinDir": "$NODE_HOME/bin",
  "n8nBin": "$N8N_BIN",
  "installDir": "$N8N_DIR"
}
JSON
log "ready: n8n $installed_version on Node $NODE_VERSION ($(seconds_since "$started_at") s)"
log "run it as: PATH=$NODE_HOME/bin:\$PATH $NODE_BIN $N8N_BIN <command>"
