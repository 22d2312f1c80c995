#!/usr/bin/env node
// Adds up the Jest JSON results in .test-results/ and prints `N passed, N failed`.
// Exit code 1 when a test failed, a suite failed to run, or no result was found.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '.test-results');
let passed = 0;
let failed = 0;
let brokenSuites = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  brokenSuites += result.numRuntimeErrorTestSuites ?? 0;
  const line = `${file.replace(/\.json$/, '')}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`;
  console.log(brokenSuites ? `${line} (${result.numRuntimeErrorTestSuites} suite(s) failed to run)` : line);
}
if (!files.length) console.log('no test results found in .test-results/');
console.log(`${passed} passed, ${failed + brokenSuites} failed`);
process.exitCode = failed || brokenSuites || !files.length ? 1 : 0;
