#!/usr/bin/env node
// Adds up the Jest JSON results in .test-results/ and prints `N passed, N failed`.
// Exit code 1 when a test failed, a suite failed to run, or no result was found.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The repository root (where `.test-results/` and the packages are) may be given, for a test.
const root = process.argv[2] ?? join(import.meta.dirname, '..');
const dir = join(root, '.test-results');
let passed = 0;
let failed = 0;
let brokenSuites = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  const broken = result.numRuntimeErrorTestSuites ?? 0;
  brokenSuites += broken;
  const line = `${file.replace(/\.json$/, '')}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`;
  console.log(broken ? `${line} (${broken} suite(s) failed to run)` : line);
}
// A package with a test script but no results did not run at all: count it as a failure.
let silent = 0;
for (const group of ['apps', 'packages', '.']) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  const dirs = group === '.' ? ['infra'] : readdirSync(base);
  for (const d of dirs) {
    const manifest = join(base, d, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    const name = pkg.name.replace('@guichet/', '');
    if (pkg.scripts?.test && !files.includes(`${name}.json`)) {
      console.log(`${name}: no results (its tests did not run)`);
      silent += 1;
    }
  }
}
console.log(`${passed} passed, ${failed + brokenSuites + silent} failed`);
process.exitCode = failed || brokenSuites || silent ? 1 : 0;
