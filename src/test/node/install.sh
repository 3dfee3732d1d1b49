#!/usr/bin/env bash
# Installs the real MCP clients the integration tests drive (official TypeScript SDK client, MCP Inspector CLI),
# pinned by src/test/node/mcp-client/package-lock.json, into target/mcp-node. No install scripts run.
# The ITs skip cleanly when node/npm or this folder are missing. Usage (from the repository root):
#   src/test/node/install.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
source_dir=src/test/node/mcp-client
target_dir=target/mcp-node
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install.sh: node and npm are needed (Node 20+); the MCP client ITs will be skipped" >&2
  exit 0
fi
mkdir -p "$target_dir"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$source_dir/client.mjs" "$target_dir/"
cd "$target_dir"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "install.sh: MCP clients installed in $target_dir ($(node --version))" >&2
