import { describe, expect, it } from '@jest/globals';
import { SEED_TENANTS } from '@guichet/db';
import { render, samplePayload } from '@guichet/mail';
import { EMAIL_KINDS, LOCALES, LINK_KINDS } from '@guichet/types';

// Every template of every seed tenant in every locale, rendered for real (as the worker does).
const cases = SEED_TENANTS.flatMap((tenant) =>
  EMAIL_KINDS.flatMap((kind) => LOCALES.map((locale) => [tenant.slug, kind, locale] as const)),
);

describe('emails of the seed tenants', () => {
  it.each(cases)(
    '%s · %s · %s renders a subject, an HTML part and a text part',
    (slug, kind, locale) => {
      const tenant = SEED_TENANTS.find((t) => t.slug === slug)!;
      const publicUrl = `http://${slug}.localhost:3000`;
      const link = `${publicUrl}/reset-password?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde`;
      const email = render({
        tenant: {
          id: `id-${slug}`,
          name: tenant.name,
          settings: tenant.settings,
          version: 1,
          publicUrl,
        },
        payload: samplePayload(kind, locale, `id-${slug}`),
        link: LINK_KINDS.includes(kind) ? link : undefined,
      });
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.subject).not.toMatch(/[<>&]|&#/);
      expect(email.html).toContain('<table');
      expect(email.text).not.toMatch(/<[a-z]|&#x27;|&amp;/);
      expect(email.text).toContain(tenant.settings.texts[locale].signature!);
      if (LINK_KINDS.includes(kind)) {
        expect(email.text).toContain(link);
        expect(email.html).toContain(link);
      }
      if (locale === 'fr' && LINK_KINDS.includes(kind)) {
        expect(email.text).toContain('Changement de mot de passe');
        expect(email.text).toContain(
          'Veuillez procéder au changement de mot de passe dès la réception de ce courriel.',
        );
        expect(email.text).toContain(
          "Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.",
        );
        expect(email.text).toContain('Votre Centre de services informatiques');
      }
      if (locale === 'fr' && kind === 'password-reset') {
        expect(email.subject).toBe(
          'Changement de mot de passe pour accéder au portail Web du Centre de services',
        );
        expect(email.text).toContain(
          'Pour confirmer votre nouveau mot de passe, vous devez accéder cette page',
        );
        expect(email.text).toContain(
          "Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.",
        );
      }
      if (locale === 'fr' && kind === 'enrolment') {
        expect(email.text).toContain(
          "Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.",
        );
      }
    },
  );
});
