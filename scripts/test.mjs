#!/usr/bin/env node
// `pnpm test`: every test of every package (unit, integration against PostgreSQL and Redis,
// browser), then one summary line.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
rmSync(join(root, '.test-results'), { recursive: true, force: true });
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const summary = spawnSync(process.execPath, [join(import.meta.dirname, 'test-summary.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(turbo.status || summary.status || 0);
