#!/usr/bin/env bash
# Runs Jest in native ESM mode for the package in the current directory and writes its
# JSON results where scripts/test.mjs adds them up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="$(node -p "require('./package.json').name.replace('@guichet/','')")"
mkdir -p "$root/.test-results"
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings"
exec "$root/node_modules/.bin/jest" --forceExit --json --outputFile="$root/.test-results/$name.json" "$@"
