// The `N passed, N failed` line CI reads: scripts/test-summary.mjs over Jest JSON results.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts/test-summary.mjs');

function summarise(results: Record<string, object>, packages: Record<string, object> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'guichet-summary-'));
  try {
    mkdirSync(join(root, '.test-results'));
    for (const [name, result] of Object.entries(results))
      writeFileSync(join(root, '.test-results', `${name}.json`), JSON.stringify(result));
    for (const [dir, manifest] of Object.entries(packages)) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest));
    }
    const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    return { status: run.status, lines: run.stdout.trim().split('\n') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('test summary', () => {
  it('adds up every file and exits 0 when all passed', () => {
    const { status, lines } = summarise({
      api: { numPassedTests: 3, numFailedTests: 0 },
      db: { numPassedTests: 2, numFailedTests: 0 },
    });
    expect(lines).toEqual([
      'api: 3 passed, 0 failed',
      'db: 2 passed, 0 failed',
      '5 passed, 0 failed',
    ]);
    expect(status).toBe(0);
  });

  it("names a suite that failed to run on its own file's line only, and counts it as a failure", () => {
    const { status, lines } = summarise({
      api: { numPassedTests: 1, numFailedTests: 0, numRuntimeErrorTestSuites: 1 },
      db: { numPassedTests: 2, numFailedTests: 0, numRuntimeErrorTestSuites: 0 },
    });
    expect(lines).toEqual([
      'api: 1 passed, 0 failed (1 suite(s) failed to run)',
      'db: 2 passed, 0 failed',
      '3 passed, 1 failed',
    ]);
    expect(status).toBe(1);
  });

  it('counts a package with a test script and no results as failed', () => {
    const { status, lines } = summarise(
      { api: { numPassedTests: 1, numFailedTests: 0 } },
      { 'packages/rules': { name: '@guichet/rules', scripts: { test: 'jest' } } },
    );
    expect(lines.slice(-2)).toEqual([
      'rules: no results (its tests did not run)',
      '1 passed, 1 failed',
    ]);
    expect(status).toBe(1);
  });
});
