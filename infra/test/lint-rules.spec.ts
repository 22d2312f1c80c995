// The layering rules of CONTRIBUTING.md that `pnpm lint` enforces (eslint.config.js): an import
// cycle, platform/ importing a feature and a package importing an app each fail the lint. The
// sources import `./x.js` for `./x.ts`; if the resolver stopped mapping them, every rule would
// pass on anything, which is what these tests catch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = join(root, 'node_modules/.bin/eslint');

/** Lints `code` as if it were the file at `path` (relative to the root); the rule ids it breaks. */
function lint(path: string, code?: string): string[] {
  const result = spawnSync(
    eslint,
    ['--format', 'json', ...(code === undefined ? [path] : ['--stdin', '--stdin-filename', path])],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[];
  return report!.messages.map((m) => m.ruleId);
}

describe('lint: the layering rules', () => {
  let probe: string;

  beforeAll(() => {
    probe = mkdtempSync(join(root, 'infra/test/lint-probe-'));
    writeFileSync(join(probe, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
    writeFileSync(join(probe, 'b.ts'), "import { a } from './a.js';\nexport const b = () => a;\n");
    writeFileSync(join(probe, 'c.ts'), "import { a } from './a.js';\nexport const c = a;\n");
  });
  afterAll(() => rmSync(probe, { recursive: true, force: true }));

  it('refuses an import cycle, written with the .js specifiers the sources use', () => {
    expect(lint(join(probe, 'a.ts'))).toContain('import-x/no-cycle');
    expect(lint(join(probe, 'c.ts'))).not.toContain('import-x/no-cycle');
  });

  it('refuses a platform file importing a feature, and lets a feature import the platform', () => {
    expect(
      lint('apps/api/src/platform/common/probe.ts', "import '../../features/auth/sessions.js';\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      lint('apps/api/src/features/auth/probe.ts', "import '../../platform/config/config.js';\n"),
    ).toEqual([]);
  });

  it('refuses a package importing an app', () => {
    expect(
      lint('packages/types/src/probe.ts', "import '../../../apps/api/src/main.js';\n"),
    ).toContain('import-x/no-restricted-paths');
  });
});
