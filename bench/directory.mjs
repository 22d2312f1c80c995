// Directory sync bench: 10,000 entries in a real slapd (size limit 500, so only paged search
// reads them all), synced through the CLI: the first run (10,000 created) and a run with
// nothing changed. Seconds and the CLI's peak RSS, against ldapsearch paging the same entries.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const N = Number(process.env.BENCH_DIRECTORY_ENTRIES ?? 10_000);
// Prints the process's peak resident set (KiB, getrusage) when it exits.
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kib='+process.resourceUsage().maxRSS+'\\n'))`;

function exec(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ stdout, stderr, seconds });
    });
  });
}

export async function directoryRows({ root, env }) {
  const { startSlapd } = await import(
    pathToFileURL(join(root, 'packages/testing/dist/index.js')).href
  );
  const people = Array.from({ length: N }, (_, i) => ({
    uid: `bench${String(i).padStart(5, '0')}`,
    givenName: 'Émilie',
    sn: `Lévesque ${i}`,
    mail: `emilie.levesque${i}@cegepsi.ca`,
  }));
  const ldap = await startSlapd({ people, sizeLimit: 500 });
  const cliEnv = {
    ...env,
    DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
    LDAP_BIND_PASSWORD: ldap.syncPassword,
  };
  const cli = (...args) =>
    exec(process.execPath, ['--import', PEAK_RSS, 'dist/cli.js', ...args], {
      cwd: join(root, 'apps/api'),
      env: cliEnv,
    });
  try {
    await cli(...ldap.configureArgs('cegepdeseptiles'), '--no-disabled-marker');
    const sync = async () => {
      const r = await cli('directory', 'sync', '--tenant', 'cegepdeseptiles');
      const summary = r.stdout.match(
        /\d+ created, \d+ updated, \d+ disabled, \d+ unchanged, \d+ rejected/,
      )?.[0];
      const rss = Number(r.stderr.match(/peak-rss-kib=(\d+)/)?.[1] ?? 0) / 1024;
      return { seconds: r.seconds, summary, rss };
    };
    const first = await sync();
    const again = await sync();
    const search = await exec(
      'ldapsearch',
      [
        '-x',
        '-LLL',
        '-H',
        ldap.url,
        '-D',
        ldap.syncDn,
        '-w',
        ldap.syncPassword,
        '-b',
        ldap.peopleDn,
        '-E',
        'pr=500/noprompt',
        '(objectClass=inetOrgPerson)',
        'uid',
        'givenName',
        'sn',
        'mail',
        'entryUUID',
      ],
      {},
    );
    const row = (label, r) => ({
      row: `directory sync, ${label} (${N} LDAP entries, CLI: ${r.summary})`,
      value: `${r.seconds.toFixed(1)} s, peak RSS ${Math.round(r.rss)} MiB`,
      baseline: `${search.seconds.toFixed(1)} s ldapsearch paging the same entries`,
      ratio: (r.seconds / search.seconds).toFixed(1),
    });
    return [row('first run', first), row('nothing changed', again)];
  } finally {
    await ldap.stop();
  }
}
