import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './process.js';

const run = promisify(execFile);

export const SLAPD = process.env.SLAPD_PATH ?? '/usr/sbin/slapd';
export const SLAPADD = process.env.SLAPADD_PATH ?? '/usr/sbin/slapadd';
export const LDAPMODIFY = process.env.LDAPMODIFY_PATH ?? '/usr/bin/ldapmodify';

/** A person of the test directory (inetOrgPerson under ou=people). */
export interface LdapPerson {
  uid: string;
  givenName: string;
  sn: string;
  mail?: string;
  /** employeeType=disabled marks a leaver for a `disabled` filter such as (employeeType=disabled). */
  employeeType?: string;
}

export interface RunningSlapd {
  url: string;
  port: number;
  suffix: string;
  peopleDn: string;
  /** Rootdn: not subject to size limits, for the test's own changes. */
  adminDn: string;
  adminPassword: string;
  /** An ordinary account that binds for the sync: the size limit applies to it. */
  syncDn: string;
  syncPassword: string;
  personDn(uid: string): string;
  /**
   * The admin API's directory settings for this server (bound as the sync account, every
   * inetOrgPerson under ou=people, no disabled marker, no schedule); `over` replaces fields.
   */
  settings(over?: Record<string, unknown>): Record<string, unknown>;
  /**
   * `guichet directory configure` for a tenant and this server, bound as the sync account whose
   * password the CLI reads from LDAP_BIND_PASSWORD; the marker and schedule options come after.
   */
  configureArgs(tenant: string, url?: string): string[];
  /** Applies LDIF change records (changetype add / modify / delete) as the rootdn, with ldapmodify. */
  change(ldif: string): Promise<void>;
  /** Replaces attributes of a person (a mover). */
  modifyPerson(uid: string, values: Record<string, string>): Promise<void>;
  removePerson(uid: string): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

export interface SlapdOptions {
  people?: LdapPerson[];
  /** slapd's size limit for ordinary binds (paged searches are not cut by it). */
  sizeLimit?: number;
}

const SUFFIX = 'dc=guichet,dc=test';
const FILTER = '(objectClass=inetOrgPerson)';
const ATTRIBUTES = {
  username: 'uid',
  firstName: 'givenName',
  lastName: 'sn',
  email: 'mail',
  externalId: 'entryUUID',
};

export function personLdif(p: LdapPerson, peopleDn = `ou=people,${SUFFIX}`): string {
  return [
    `dn: uid=${p.uid},${peopleDn}`,
    'objectClass: inetOrgPerson',
    `uid: ${p.uid}`,
    `cn: ${p.givenName} ${p.sn}`,
    // Non-ASCII values are base64 in LDIF (`::`).
    `givenName:: ${Buffer.from(p.givenName).toString('base64')}`,
    `sn:: ${Buffer.from(p.sn).toString('base64')}`,
    ...(p.mail ? [`mail: ${p.mail}`] : []),
    ...(p.employeeType ? [`employeeType: ${p.employeeType}`] : []),
    '',
  ].join('\n');
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`slapd exited: ${log()}`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`slapd did not listen on ${port}: ${log()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * A real OpenLDAP server of the test's own: slapd.conf, an mdb database and a port in a
 * temporary directory, loaded with slapadd (entryUUID generated), stopped and removed by `stop`.
 */
export async function startSlapd(options: SlapdOptions = {}): Promise<RunningSlapd> {
  const dir = await mkdtemp(join(tmpdir(), 'guichet-slapd-'));
  await mkdir(join(dir, 'db'));
  const port = await freePort();
  const adminPassword = 'admin-secret';
  const syncPassword = 'sync-secret';
  const conf = join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `sizelimit size.soft=${options.sizeLimit ?? 500} size.hard=${options.sizeLimit ?? 500} size.prtotal=unlimited`,
      'database mdb',
      'maxsize 268435456',
      `suffix "${SUFFIX}"`,
      `rootdn "cn=admin,${SUFFIX}"`,
      `rootpw ${adminPassword}`,
      `directory ${join(dir, 'db')}`,
      'index objectClass,uid,entryUUID eq',
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by * read',
      '',
    ].join('\n'),
  );
  const peopleDn = `ou=people,${SUFFIX}`;
  const ldif = [
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Guichet test\ndc: guichet\n`,
    `dn: ${peopleDn}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: cn=sync,${SUFFIX}\nobjectClass: person\nobjectClass: simpleSecurityObject\ncn: sync\nsn: sync\nuserPassword: ${syncPassword}\n`,
    ...(options.people ?? []).map((p) => personLdif(p, peopleDn)),
  ].join('\n');
  const ldifFile = join(dir, 'data.ldif');
  await writeFile(ldifFile, ldif);
  await run(SLAPADD, ['-f', conf, '-l', ldifFile, '-q']);
  const child = spawn(SLAPD, ['-f', conf, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitForPort(port, child, () => out);
  const change = (records: string) =>
    new Promise<void>((resolve, reject) => {
      const tool = spawn(
        LDAPMODIFY,
        ['-x', '-H', `ldap://127.0.0.1:${port}/`, '-D', `cn=admin,${SUFFIX}`, '-w', adminPassword],
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let err = '';
      tool.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      tool.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`ldapmodify exited ${code}: ${err}`)),
      );
      tool.stdin!.end(records);
    });
  const url = `ldap://127.0.0.1:${port}`;
  const syncDn = `cn=sync,${SUFFIX}`;
  return {
    url,
    port,
    suffix: SUFFIX,
    peopleDn,
    adminDn: `cn=admin,${SUFFIX}`,
    adminPassword,
    syncDn,
    syncPassword,
    personDn: (uid) => `uid=${uid},${peopleDn}`,
    settings: (over = {}) => ({
      url,
      startTls: false,
      caCertificate: null,
      bindDn: syncDn,
      bindPassword: syncPassword,
      baseDn: peopleDn,
      filter: FILTER,
      attributes: ATTRIBUTES,
      disabled: { kind: 'none' },
      leavers: 'disable',
      everyMinutes: null,
      maxDisablePercent: 50,
      ...over,
    }),
    configureArgs: (tenant, at = url) => [
      'directory',
      'configure',
      '--tenant',
      tenant,
      '--url',
      at,
      '--bind-dn',
      syncDn,
      '--bind-password-env',
      'LDAP_BIND_PASSWORD',
      '--base-dn',
      peopleDn,
      '--filter',
      FILTER,
      '--map',
      Object.entries(ATTRIBUTES)
        .map(([field, attribute]) => `${field}=${attribute}`)
        .join(','),
    ],
    change,
    modifyPerson: (uid, values) =>
      change(
        [
          `dn: uid=${uid},${peopleDn}`,
          'changetype: modify',
          ...Object.entries(values).flatMap(([k, v]) => [
            `replace: ${k}`,
            `${k}:: ${Buffer.from(v).toString('base64')}`,
            '-',
          ]),
          '',
        ].join('\n'),
      ),
    removePerson: (uid) => change(`dn: uid=${uid},${peopleDn}\nchangetype: delete\n`),
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
