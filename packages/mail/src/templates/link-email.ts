import type { Locale } from '@guichet/types';
import { A_SMALL, P, SMALL } from './catalog.js';

/** The sentences every link email (enrolment, password reset) ends with, in each locale. */
const CLOSING: Record<
  Locale,
  { greeting: string; validity: string; notAsked: string; copy: string }
> = {
  fr: {
    greeting: 'Bonjour',
    validity: 'Ce lien est valide pendant {{duration expiresInMinutes}}.',
    notAsked:
      "Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.",
    copy: 'Si le lien ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  },
  en: {
    greeting: 'Hello',
    validity: 'This link is valid for {{duration expiresInMinutes}}.',
    notAsked: 'If you did not ask to change your password, you can safely ignore this email.',
    copy: 'If the link does not work, copy this address into your browser:',
  },
  pt: {
    greeting: 'Olá',
    validity: 'Este link é válido por {{duration expiresInMinutes}}.',
    notAsked: 'Se não pediu a alteração da senha, pode ignorar este e-mail com segurança.',
    copy: 'Se o link não funcionar, copie este endereço no navegador:',
  },
};

const greeting = (locale: Locale) =>
  `${CLOSING[locale].greeting}{{#if recipientName}} {{recipientName}}{{/if}},`;

/** The first paragraph of a link email: the greeting, by name when there is one. */
export const greetingHtml = (locale: Locale) => `<p style="${P}">${greeting(locale)}</p>\n`;
export const greetingText = (locale: Locale) => `${greeting(locale)}\n\n`;

/** The end of a link email's HTML: how long the link lasts, what if it was not asked for, the link spelled out. */
export const closingHtml = (locale: Locale) => {
  const c = CLOSING[locale];
  return `<p style="${P}">${c.validity}</p>
<p style="${P}">${c.notAsked}</p>
<p style="${SMALL}">${c.copy}<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`;
};

/** The end of a link email's text: how long the link lasts, what if it was not asked for, the signature. */
export const closingText = (locale: Locale) => {
  const c = CLOSING[locale];
  return `${c.validity}

${c.notAsked}

{{signature}}
`;
};
