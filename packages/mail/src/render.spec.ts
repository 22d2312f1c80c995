import { describe, expect, it } from '@jest/globals';
import {
  EMAIL_KINDS,
  LINK_KINDS,
  LOCALES,
  type EmailKind,
  type EmailPayload,
  type Locale,
} from '@guichet/types';
import { cegep, linkFor, monteregie, payloadOf, TENANTS } from '../test/fixtures/tenants.js';
import { env, runtimeOptions } from './environment.js';
import {
  defaultTemplate,
  render,
  samplePayload,
  TEMPLATE_VARIABLES,
  templateCacheStats,
  TemplateError,
  variablesOf,
  type RenderRequest,
  type TemplateOverrides,
} from './index.js';

/** What a reader sees of an HTML part: tags dropped, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|title)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
const flat = (text: string): string => text.replace(/\s+/g, ' ');

type Tenant = RenderRequest['tenant'];
function request(
  tenant: Tenant,
  kind: EmailKind,
  locale: Locale,
  more: Partial<RenderRequest> = {},
): RenderRequest {
  return { tenant, payload: payloadOf(kind, tenant, locale), link: linkFor(tenant), ...more };
}

const SIGNATURE_FR = 'Votre Centre de services informatiques';

/** The guides' sentences, verbatim: each must be in the French html (as read) and text. */
const FRENCH_SENTENCES: Partial<Record<EmailKind, { subject: string; sentences: string[] }>> = {
  'password-reset': {
    subject: 'Changement de mot de passe pour accéder au portail Web du Centre de services',
    sentences: [
      'Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : Changement de mot de passe',
      "Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.",
      "Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.",
      'Ce lien est valide pendant 1 heure.',
      SIGNATURE_FR,
    ],
  },
  enrolment: {
    subject: 'Inscription au portail Web du Centre de services : changement de mot de passe',
    sentences: [
      'Changement de mot de passe',
      "Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.",
      'Veuillez procéder au changement de mot de passe dès la réception de ce courriel.',
      "Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.",
      SIGNATURE_FR,
    ],
  },
  'already-enrolled': {
    subject: 'Votre compte est déjà inscrit au portail Web du Centre de services',
    sentences: [
      'Ce compte est déjà inscrit',
      'Réinitialiser votre mot de passe',
      'vous pouvez ignorer ce courriel sans crainte.',
      SIGNATURE_FR,
    ],
  },
  'password-changed': {
    subject: 'Votre mot de passe a été modifié',
    sentences: [
      'a été modifié le 12 mars 2025 à 14 h 05.',
      'communiquez immédiatement avec votre Centre de services',
      SIGNATURE_FR,
    ],
  },
  'email-changed': {
    subject: 'Votre adresse courriel a été modifiée',
    sentences: [
      'a été modifiée le 12 mars 2025 à 14 h 05.',
      'les liens en attente ont été annulés et les sessions ouvertes fermées.',
      'communiquez immédiatement avec votre Centre de services',
      SIGNATURE_FR,
    ],
  },
  'test-email': {
    subject: 'Courriel de test – ',
    sentences: [
      "Ce courriel de test a été envoyé par admin@cegepsi.ca à partir de l'application d'administration de Guichet.",
      SIGNATURE_FR,
    ],
  },
};

describe('render: every default template, for both reference tenants, in every locale', () => {
  for (const [slug, tenant] of Object.entries(TENANTS)) {
    for (const kind of EMAIL_KINDS) {
      for (const locale of LOCALES) {
        it(`${slug} ${kind} ${locale}`, () => {
          const email = render(request(tenant, kind, locale));

          expect(email.subject.length).toBeGreaterThan(5);
          expect(email.subject).not.toMatch(/[\r\n]|&#|&[a-z]+;|\{\{|<[a-z]/i);

          // HTML: a whole document in the layout, in the tenant colour and name, signed.
          expect(email.html).toMatch(/^<!DOCTYPE html>/);
          expect(email.html).toContain(`<html lang="${locale}"`);
          expect(email.html).toContain(`color:${tenant.settings.branding.primaryColor}`);
          expect(email.html).not.toContain('{{');
          const seen = visibleText(email.html);
          expect(seen).toContain(tenant.name);
          expect(seen).toContain(defaultSignature(locale));
          expect(seen).toContain('trej'.slice(0, kind === 'test-email' ? 0 : 4));
          if (tenant.settings.branding.logoUrl)
            expect(email.html).toContain(
              `<img src="${tenant.publicUrl}${tenant.settings.branding.logoUrl}"`,
            );
          else expect(email.html).not.toContain('<img');

          // Text: plain, no markup, no entity, a real apostrophe; the signature at the end.
          expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
          expect(email.text).not.toMatch(/&(#x?[0-9a-f]+|[a-z]+);/i);
          expect(email.text).not.toContain('{{');
          expect(email.text.trimEnd().endsWith(defaultSignature(locale))).toBe(true);

          if (LINK_KINDS.includes(kind)) {
            const link = linkFor(tenant);
            expect(email.html).toContain(`href="${link}"`);
            expect(email.text.split('\n')).toContain(link);
          }
          if (kind === 'already-enrolled') {
            const url = `${tenant.publicUrl}/forgot-password`;
            expect(email.html).toContain(`href="${url}"`);
            expect(email.text.split('\n')).toContain(url);
          }

          const french = locale === 'fr' ? FRENCH_SENTENCES[kind] : undefined;
          if (french) {
            expect(email.subject.startsWith(french.subject)).toBe(true);
            for (const sentence of french.sentences) {
              expect(seen).toContain(sentence);
              expect(flat(email.text)).toContain(sentence);
            }
          }
        });
      }
    }
  }

  it('makes « Changement de mot de passe » the link to the page in French', () => {
    for (const kind of ['password-reset', 'enrolment'] as const) {
      const { html } = render(request(cegep, kind, 'fr'));
      expect(html).toMatch(
        new RegExp(`<a href="${escapeRegExp(linkFor(cegep))}"[^>]*>Changement de mot de passe</a>`),
      );
    }
  });

  it('renders the password-reset text part as the guide reads, the link on its own line', () => {
    const { text } = render(request(cegep, 'password-reset', 'fr'));
    expect(text).toBe(
      [
        'Bonjour Jean Tremblay,',
        '',
        "Nom d'utilisateur : trej",
        '',
        'Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : Changement de mot de passe',
        linkFor(cegep),
        '',
        "Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.",
        '',
        'Ce lien est valide pendant 1 heure.',
        '',
        "Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.",
        '',
        'Votre Centre de services informatiques',
        '',
      ].join('\n'),
    );
  });

  it('shows the change date in Québec time, in the reader’s language', () => {
    const read = (locale: Locale) =>
      flat(render(request(monteregie, 'password-changed', locale)).text);
    expect(read('fr')).toContain('12 mars 2025 à 14 h 05');
    expect(read('en')).toContain('March 12, 2025 at 2:05 p.m.');
    expect(read('pt')).toContain('12 de março de 2025 às 14:05');
  });

  it('gives the expiry in the largest whole unit', () => {
    const expiry = (minutes: number, locale: Locale) =>
      render({
        ...request(cegep, 'password-reset', locale),
        payload: {
          ...payloadOf('password-reset', cegep, locale),
          data: { username: 'trej', expiresInMinutes: minutes },
        } as EmailPayload,
      }).text;
    expect(expiry(30, 'fr')).toContain('Ce lien est valide pendant 30 minutes.');
    expect(expiry(120, 'en')).toContain('This link is valid for 2 hours.');
    expect(expiry(2880, 'pt')).toContain('Este link é válido por 2 dias.');
  });
});

describe('render: data is data', () => {
  it('escapes a hostile recipient name in HTML and never interprets it', () => {
    for (const name of [
      '<script>alert(1)</script>',
      '{{tenantName}}',
      '"><img src=x onerror=alert(1)>',
    ]) {
      const req = {
        ...request(cegep, 'password-reset', 'fr'),
        payload: payloadOf('password-reset', cegep, 'fr', name),
      };
      const { html, text } = render(req);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(visibleText(html)).toContain(`Bonjour ${name},`);
      expect(text).toContain(`Bonjour ${name},`);
    }
    const { html } = render({
      ...request(cegep, 'password-reset', 'fr'),
      payload: payloadOf('password-reset', cegep, 'fr', '<script>alert(1)</script>'),
    });
    expect(html).toContain('Bonjour &lt;script&gt;alert(1)&lt;/script&gt;,');
  });

  it('writes a subject and a text part with real characters, not HTML entities', () => {
    const tenant = { ...cegep, name: "Cégep d'Alma & co <TI>" };
    const email = render(request(tenant, 'test-email', 'fr'));
    expect(email.subject).toBe("Courriel de test – Cégep d'Alma & co <TI>");
    expect(email.text).toContain("l'envoi des courriels de Cégep d'Alma & co <TI> fonctionne");
    expect(email.html).toContain('Cégep d&#x27;Alma &amp; co &lt;TI&gt;');
  });

  it('keeps a subject on one line whatever the data or the template', () => {
    const overrides: TemplateOverrides = {
      'test-email': { fr: { subject: 'Test\n{{requestedBy}}\r\n  fin' } },
    };
    const req = request(cegep, 'test-email', 'fr', { overrides });
    req.payload = {
      ...req.payload,
      data: { requestedBy: 'a\r\nBcc: x@example.org' },
    } as EmailPayload;
    expect(render(req).subject).toBe('Test a Bcc: x@example.org fin');
  });

  it('does not let extra variables replace the payload or the link', () => {
    const email = render(
      request(cegep, 'password-reset', 'fr', {
        extra: {
          link: 'https://evil.example/',
          username: 'root',
          helpUrl: 'https://aide.example/',
        },
      }),
    );
    expect(email.text).toContain(linkFor(cegep));
    expect(email.text).not.toContain('evil.example');
    expect(email.text).toContain("Nom d'utilisateur : trej");
  });

  it('refuses to render a link email without its link, and an already-enrolled email without a way to reset', () => {
    expect(() =>
      render({ tenant: cegep, payload: payloadOf('password-reset', cegep, 'fr') }),
    ).toThrow(TemplateError);
    const { publicUrl: _ignored, ...noUrl } = cegep;
    expect(() =>
      render({ tenant: noUrl, payload: payloadOf('already-enrolled', cegep, 'fr') }),
    ).toThrow(/forgotPasswordUrl/);
    const email = render({
      tenant: noUrl,
      payload: payloadOf('already-enrolled', cegep, 'fr'),
      extra: { forgotPasswordUrl: 'https://portail.example/forgot-password' },
    });
    expect(email.text.split('\n')).toContain('https://portail.example/forgot-password');
    expect(email.html).not.toContain('<img'); // a relative logo needs the public URL
  });
});

describe('render: tenant texts and locales', () => {
  it('uses the tenant signature of the locale, else the default of that locale', () => {
    const tenant: Tenant = {
      ...monteregie,
      settings: {
        ...monteregie.settings,
        texts: {
          fr: { signature: 'Centre de services TI – Montérégie' },
          en: { signature: 'IT Service Desk – Montérégie' },
          pt: {},
        },
      },
    };
    expect(render(request(tenant, 'test-email', 'fr')).text.trimEnd()).toMatch(
      /Centre de services TI – Montérégie$/,
    );
    expect(visibleText(render(request(tenant, 'test-email', 'en')).html)).toContain(
      'IT Service Desk – Montérégie',
    );
    expect(render(request(tenant, 'test-email', 'pt')).text.trimEnd()).toMatch(
      /Centro de Serviços de Informática$/,
    );
    expect(render(request(monteregie, 'test-email', 'fr')).text.trimEnd()).toMatch(
      /Votre Centre de services informatiques$/,
    );
  });

  it('falls back from an unknown payload locale to the tenant default, then French', () => {
    const english: Tenant = {
      ...monteregie,
      settings: { ...monteregie.settings, defaultLocale: 'en' },
    };
    const odd = (tenant: Tenant) => ({
      ...request(tenant, 'test-email', 'fr'),
      payload: {
        ...payloadOf('test-email', tenant, 'fr'),
        locale: 'de',
      } as unknown as EmailPayload,
    });
    expect(render(odd(english)).subject).toBe('Test email – CISSS de la Montérégie');
    const broken: Tenant = {
      ...monteregie,
      settings: { ...monteregie.settings, defaultLocale: 'xx' as Locale },
    };
    expect(render(odd(broken)).subject).toBe('Courriel de test – CISSS de la Montérégie');
  });

  it('uses the reply-to address as the service desk contact, else the sender', () => {
    expect(render(request(cegep, 'password-changed', 'fr')).text).toContain(
      '(supportTI@cegepsi.ca)',
    );
    const withReplyTo: Tenant = {
      ...cegep,
      settings: {
        ...cegep.settings,
        email: { ...cegep.settings.email, replyTo: 'aide@cegepsi.ca' },
      },
    };
    expect(render(request(withReplyTo, 'password-changed', 'fr')).html).toContain(
      'href="mailto:aide@cegepsi.ca"',
    );
  });

  it('never puts a colour that is not #RRGGBB into a style', () => {
    const tenant: Tenant = {
      ...cegep,
      settings: {
        ...cegep.settings,
        branding: { ...cegep.settings.branding, primaryColor: 'red;background:url(x)' },
      },
    };
    const { html } = render(request(tenant, 'test-email', 'fr'));
    expect(html).not.toContain('url(x)');
    expect(html).toContain('border-top:6px solid #1f4e79');
  });
});

describe('render: tenant overrides', () => {
  const custom: TemplateOverrides = {
    'password-reset': {
      fr: {
        subject: 'Réinitialisation – {{tenantName}}',
        html: '<p>Allez à <a href="{{link}}">cette page</a>, {{username}}.</p>\n{{> button url=link label="Changer"}}',
      },
    },
  };

  it('uses the override of the kind and locale, and the default for the rest', () => {
    const email = render(request(cegep, 'password-reset', 'fr', { overrides: custom }));
    expect(email.subject).toBe('Réinitialisation – Cégep de Sept-Îles');
    expect(email.html).toContain(
      `<p>Allez à <a href="${linkFor(cegep)}">cette page</a>, trej.</p>`,
    );
    expect(visibleText(email.html)).toContain('Changer');
    expect(visibleText(email.html)).toContain(SIGNATURE_FR); // still in the layout
    expect(email.text).toContain('Pour confirmer votre nouveau mot de passe'); // text not overridden
    expect(render(request(cegep, 'password-reset', 'en', { overrides: custom })).subject).toBe(
      'Password change to access the Service Centre web portal',
    );
  });

  it('renders an override equal to the default exactly like the default', () => {
    for (const kind of EMAIL_KINDS) {
      const overrides: TemplateOverrides = { [kind]: { pt: defaultTemplate(kind, 'pt') } };
      expect(render(request(monteregie, kind, 'pt', { overrides }))).toEqual(
        render(request(monteregie, kind, 'pt')),
      );
    }
  });

  it('refuses an invalid override with its line, or falls back to the default when asked', () => {
    const overrides: TemplateOverrides = {
      enrolment: { fr: { text: 'Bonjour,\n\n{{#if username}}\n{{link}}\n' } },
    };
    let error: unknown;
    try {
      render(request(cegep, 'enrolment', 'fr', { overrides }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).details).toMatchObject({
      kind: 'enrolment',
      locale: 'fr',
      part: 'text',
      line: 3,
    });
    expect((error as Error).message).toMatch(/line 3/);

    const email = render(
      request(cegep, 'enrolment', 'fr', { overrides, onInvalidOverride: 'use-default' }),
    );
    expect(email.text).toEqual(render(request(cegep, 'enrolment', 'fr')).text);
  });

  it('refuses a triple-stash override even for the layout slot name', () => {
    const overrides: TemplateOverrides = { 'test-email': { en: { html: '<p>{{{body}}}</p>' } } };
    expect(() => render(request(cegep, 'test-email', 'en', { overrides }))).toThrow(/unescaped/);
  });

  it('serves the same output from the cache, and a new version or a new source picks up the change', () => {
    const tenant: Tenant = { ...monteregie, id: 'cache-tenant', version: 7 };
    const first: TemplateOverrides = {
      'test-email': { fr: { subject: 'Premier – {{tenantName}}' } },
    };
    const before = templateCacheStats();
    const a = render(request(tenant, 'test-email', 'fr', { overrides: first }));
    const b = render(request(tenant, 'test-email', 'fr', { overrides: first }));
    const after = templateCacheStats();
    expect(b).toEqual(a);
    expect(a.subject).toBe('Premier – CISSS de la Montérégie');
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);

    const second: TemplateOverrides = {
      'test-email': { fr: { subject: 'Second – {{tenantName}}' } },
    };
    expect(
      render(request({ ...tenant, version: 8 }, 'test-email', 'fr', { overrides: second })).subject,
    ).toBe('Second – CISSS de la Montérégie');
    // An unsaved draft previewed under the same version is not served stale.
    const draft: TemplateOverrides = { 'test-email': { fr: { subject: 'Brouillon' } } };
    expect(
      render(request({ ...tenant, version: 8 }, 'test-email', 'fr', { overrides: draft })).subject,
    ).toBe('Brouillon');
  });

  it('keeps the cache bounded', () => {
    const tenant: Tenant = { ...cegep, id: 'many-versions' };
    for (let version = 0; version < 600; version++) {
      render(
        request({ ...tenant, version }, 'test-email', 'en', {
          overrides: { 'test-email': { en: { subject: `v${version}` } } },
        }),
      );
    }
    const stats = templateCacheStats();
    expect(stats.size).toBeLessThanOrEqual(stats.maxSize);
  });
});

describe('template variables', () => {
  it('documents every variable the default templates use', () => {
    for (const kind of EMAIL_KINDS) {
      for (const locale of LOCALES) {
        const set = defaultTemplate(kind, locale);
        for (const source of [set.subject, set.html, set.text]) {
          for (const name of variablesOf(source))
            expect([kind, name, TEMPLATE_VARIABLES[kind].includes(name)]).toEqual([
              kind,
              name,
              true,
            ]);
        }
      }
    }
  });

  it('gives a value to every documented variable', () => {
    for (const kind of EMAIL_KINDS) {
      // A space on each side: the link may not be glued to other text.
      const probe = TEMPLATE_VARIABLES[kind].map((name) => `${name}=[ {{${name}}} ]`).join('\n');
      const { text } = render({
        ...request(cegep, kind, 'en'),
        overrides: { [kind]: { en: { text: probe } } },
      });
      for (const name of TEMPLATE_VARIABLES[kind]) expect(text).not.toContain(`${name}=[  ]`);
    }
  });

  it('offers sample payloads that render, for admin previews', () => {
    for (const kind of EMAIL_KINDS) {
      const email = render({
        tenant: monteregie,
        payload: samplePayload(kind, 'fr', monteregie.id),
        link: linkFor(monteregie, 'EXAMPLE'),
      });
      expect(email.text).not.toContain('{{');
    }
  });
});

describe('Handlebars runtime', () => {
  it('yields nothing for prototype access even in a template that skipped validation', () => {
    const unchecked = env.compile(
      '[{{constructor.constructor}}][{{__proto__}}][{{x.constructor.name}}][{{x.hasOwnProperty}}]',
      { noEscape: true },
    );
    expect(unchecked({ x: {} }, runtimeOptions('fr'))).toBe('[][][][]');
  });
});

function defaultSignature(locale: Locale): string {
  return {
    fr: SIGNATURE_FR,
    en: 'Your IT Service Centre',
    pt: 'Centro de Serviços de Informática',
  }[locale];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
