import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, P } from './catalog.js';

/**
 * Sent to the account's previous address when an administrator or an import changes it: the
 * person learns of it even if someone else now receives the account's links.
 */
export const emailChanged: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Votre adresse courriel a été modifiée',
    html: `<p style="${P}">Bonjour{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">L'adresse courriel du nom d'utilisateur <strong>{{username}}</strong> pour le portail Web du Centre de services a été modifiée le {{formatDate changedAt}}. Les prochains courriels du portail, dont les liens de changement de mot de passe, seront envoyés à la nouvelle adresse; les liens en attente ont été annulés et les sessions ouvertes fermées.</p>
<p style="${P}">Si ce changement était prévu, vous n'avez rien à faire.</p>
<p style="${P}">Sinon, communiquez immédiatement avec votre Centre de services{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Bonjour{{#if recipientName}} {{recipientName}}{{/if}},

L'adresse courriel du nom d'utilisateur {{username}} pour le portail Web du Centre de services a été modifiée le {{formatDate changedAt}}. Les prochains courriels du portail, dont les liens de changement de mot de passe, seront envoyés à la nouvelle adresse; les liens en attente ont été annulés et les sessions ouvertes fermées.

Si ce changement était prévu, vous n'avez rien à faire.

Sinon, communiquez immédiatement avec votre Centre de services{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
  en: {
    subject: 'Your email address was changed',
    html: `<p style="${P}">Hello{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">The email address of the username <strong>{{username}}</strong> for the Service Centre web portal was changed on {{formatDate changedAt}}. The portal's next emails, password links included, will go to the new address; pending links were cancelled and open sessions ended.</p>
<p style="${P}">If this change was expected, there is nothing else to do.</p>
<p style="${P}">Otherwise, contact your Service Centre immediately{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Hello{{#if recipientName}} {{recipientName}}{{/if}},

The email address of the username {{username}} for the Service Centre web portal was changed on {{formatDate changedAt}}. The portal's next emails, password links included, will go to the new address; pending links were cancelled and open sessions ended.

If this change was expected, there is nothing else to do.

Otherwise, contact your Service Centre immediately{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
  pt: {
    subject: 'O seu endereço de e-mail foi alterado',
    html: `<p style="${P}">Olá{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">O endereço de e-mail da conta <strong>{{username}}</strong> no portal Web do Centro de Serviços foi alterado em {{formatDate changedAt}}. Os próximos e-mails do portal, incluindo os links de alteração de senha, serão enviados para o novo endereço; os links pendentes foram anulados e as sessões abertas terminadas.</p>
<p style="${P}">Se esta alteração era esperada, não é necessária nenhuma ação.</p>
<p style="${P}">Caso contrário, informe imediatamente o Centro de Serviços{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Olá{{#if recipientName}} {{recipientName}}{{/if}},

O endereço de e-mail da conta {{username}} no portal Web do Centro de Serviços foi alterado em {{formatDate changedAt}}. Os próximos e-mails do portal, incluindo os links de alteração de senha, serão enviados para o novo endereço; os links pendentes foram anulados e as sessões abertas terminadas.

Se esta alteração era esperada, não é necessária nenhuma ação.

Caso contrário, informe imediatamente o Centro de Serviços{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
};
