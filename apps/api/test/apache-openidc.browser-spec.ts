import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, httpRequest, launchChromium } from '@guichet/testing';
import type { Browser } from 'playwright-core';
import { JULIE } from './factories/personas.js';
import { createUser } from './factories/users.js';
import { addClient, issuerAtTestAddress } from './support/oidc.js';
import { waitFor } from './support/outbox.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const installed = existsSync(APACHE) && existsSync(`${MODULES}/mod_auth_openidc.so`);

/** The README's mod_auth_openidc configuration, on a real Apache (apt-get install apache2 libapache2-mod-auth-openidc). */
(installed ? describe : describe.skip)(
  'Apache mod_auth_openidc as a relying party of the Cégep (the README example)',
  () => {
    let ctx: TestContext;
    let browser: Browser;
    let apache: ChildProcess;
    let dir: string;
    let cegep: string;
    let site: string;

    beforeAll(async () => {
      ctx = await createTestContext();
      cegep = await issuerAtTestAddress(ctx, 'cegepdeseptiles');

      const port = await freePort();
      site = `http://127.0.0.1:${port}`;
      const client = await addClient(ctx, 'cegepdeseptiles', {
        name: 'Intranet (Apache)',
        redirectUris: [`${site}/intranet/redirect_uri`],
        postLogoutRedirectUris: [`${site}/bye.html`],
        backchannelLogoutUri: `${site}/intranet/redirect_uri?logout=backchannel`,
        firstParty: true,
      });
      dir = mkdtempSync(join(tmpdir(), 'guichet-apache-'));
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'htdocs/intranet'), { recursive: true });
      writeFileSync(
        join(dir, 'htdocs/intranet/index.shtml'),
        '<!doctype html><title>Intranet</title><h1 id="who"><!--#echo var="REMOTE_USER" --></h1><p id="email"><!--#echo var="OIDC_CLAIM_email" --></p>\n',
      );
      writeFileSync(
        join(dir, 'htdocs/bye.html'),
        '<!doctype html><title>Intranet</title><h1 id="bye">au revoir</h1>\n',
      );
      writeFileSync(
        join(dir, 'httpd.conf'),
        `ServerRoot ${dir}
LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authn_core_module ${MODULES}/mod_authn_core.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule authz_user_module ${MODULES}/mod_authz_user.so
LoadModule include_module ${MODULES}/mod_include.so
LoadModule auth_openidc_module ${MODULES}/mod_auth_openidc.so
User www-data
Group www-data
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
PidFile ${dir}/httpd.pid
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
ErrorLog ${dir}/error.log
LogLevel warn auth_openidc:info
DocumentRoot ${dir}/htdocs
<Directory ${dir}/htdocs>
  Require all granted
  Options +Includes
  SetOutputFilter INCLUDES
</Directory>

OIDCProviderMetadataURL ${cegep}/.well-known/openid-configuration
OIDCClientID            ${client.clientId}
OIDCClientSecret        ${client.clientSecret}
OIDCRedirectURI         ${site}/intranet/redirect_uri
OIDCCryptoPassphrase    ${randomBytes(24).toString('hex')}
OIDCScope               "openid profile email"
OIDCPKCEMethod          S256
OIDCRemoteUserClaim     preferred_username
OIDCDefaultLoggedOutURL ${site}/bye.html

<Location /intranet>
  AuthType openid-connect
  Require valid-user
</Location>
`,
      );
      apache = spawn(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      apache.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      apache.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const up = await waitFor(
        async () =>
          (
            await httpRequest(port, { path: '/bye.html', host: `127.0.0.1:${port}` }).catch(() => ({
              status: 0,
            }))
          ).status,
        (s) => s === 200 || apache.exitCode !== null,
        15_000,
      );
      const log = () =>
        `${output}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
      if (up !== 200) throw new Error(`Apache did not start (${apache.exitCode}): ${log()}`);
      browser = await launchChromium();
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      if (apache && apache.exitCode === null) {
        const exited = new Promise((resolve) => apache.once('exit', resolve));
        apache.kill('SIGTERM');
        await exited;
      }
      // KEEP_APACHE_LOG=1: the module's log, to see what it made of the provider's answers.
      if (dir && process.env.KEEP_APACHE_LOG)
        console.log(readFileSync(join(dir, 'error.log'), 'utf8'));
      if (dir) rmSync(dir, { recursive: true, force: true });
      await ctx?.close();
    });

    it('signs a Cégep staff member in to the Apache-protected /intranet through the portal, signs out at the issuer, and is signed out by « Me déconnecter partout » (back-channel)', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles', { email: JULIE.email });
      const context = await browser.newContext({ locale: 'fr-CA' });
      const page = await context.newPage();
      const signInOnPortal = async () => {
        await page.waitForURL(`${cegep}/login`);
        await page.getByLabel("Nom d'utilisateur", { exact: true }).fill(user.username);
        await page.getByLabel('Mot de passe', { exact: true }).fill(user.password!);
        await page.getByRole('button', { name: 'SOUMETTRE' }).click();
        await page.waitForURL(`${site}/intranet/index.shtml`);
      };
      await page.goto(`${site}/intranet/index.shtml`);
      await signInOnPortal();
      expect(await page.locator('#who').textContent()).toBe(user.username);
      expect(await page.locator('#email').textContent()).toBe(JULIE.email);

      // RP-initiated logout through the module: the issuer's page, then back to the site.
      await page.goto(
        `${site}/intranet/redirect_uri?logout=${encodeURIComponent(`${site}/bye.html`)}`,
      );
      await page.getByRole('button', { name: 'ME DÉCONNECTER' }).click();
      await page.waitForURL(`${site}/bye.html`);
      await page.goto(`${site}/intranet/index.shtml`);
      await signInOnPortal();

      // « Me déconnecter partout » on the portal: the back-channel logout token ends the module's session.
      await page.goto(`${cegep}/account`);
      await page.getByRole('button', { name: /déconnecter partout/i }).click();
      await page.waitForURL(`${cegep}/login?notice=signed-out`);
      // Sent after the commit, not awaited by the request: the site signs out as soon as it arrives.
      const at = await waitFor(
        async () => (await page.goto(`${site}/intranet/index.shtml`), page.url()),
        (url) => url.startsWith(cegep),
        15_000,
      );
      expect(at).toBe(`${cegep}/login`);
      await context.close();
    }, 90_000);
  },
);
