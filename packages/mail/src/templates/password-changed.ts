import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, P } from './catalog.js';

/** Sent after every password change (reset, enrolment or signed-in change). */
export const passwordChanged: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Votre mot de passe a été modifié',
    html: `<p style="${P}">Bonjour{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Le mot de passe du nom d'utilisateur <strong>{{username}}</strong> pour le portail Web du Centre de services a été modifié le {{formatDate changedAt}}.</p>
<p style="${P}">Si vous êtes à l'origine de ce changement, vous n'avez rien à faire.</p>
<p style="${P}">Si vous n'avez pas fait ce changement, communiquez immédiatement avec votre Centre de services{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Bonjour{{#if recipientName}} {{recipientName}}{{/if}},

Le mot de passe du nom d'utilisateur {{username}} pour le portail Web du Centre de services a été modifié le {{formatDate changedAt}}.

Si vous êtes à l'origine de ce changement, vous n'avez rien à faire.

Si vous n'avez pas fait ce changement, communiquez immédiatement avec votre Centre de services{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
  en: {
    subject: 'Your password was changed',
    html: `<p style="${P}">Hello{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">The password of the username <strong>{{username}}</strong> for the Service Centre web portal was changed on {{formatDate changedAt}}.</p>
<p style="${P}">If you made this change, there is nothing else to do.</p>
<p style="${P}">If you did not make this change, contact your Service Centre immediately{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Hello{{#if recipientName}} {{recipientName}}{{/if}},

The password of the username {{username}} for the Service Centre web portal was changed on {{formatDate changedAt}}.

If you made this change, there is nothing else to do.

If you did not make this change, contact your Service Centre immediately{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
  pt: {
    subject: 'A senha foi alterada',
    html: `<p style="${P}">Olá{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">A senha da conta <strong>{{username}}</strong> no portal Web do Centro de Serviços foi alterada em {{formatDate changedAt}}.</p>
<p style="${P}">Se fez esta alteração, não é necessária nenhuma ação.</p>
<p style="${P}">Se não fez esta alteração, informe imediatamente o Centro de Serviços{{#if supportEmail}} (<a href="mailto:{{supportEmail}}" style="${A}">{{supportEmail}}</a>){{/if}}.</p>
`,
    text: `Olá{{#if recipientName}} {{recipientName}}{{/if}},

A senha da conta {{username}} no portal Web do Centro de Serviços foi alterada em {{formatDate changedAt}}.

Se fez esta alteração, não é necessária nenhuma ação.

Se não fez esta alteração, informe imediatamente o Centro de Serviços{{#if supportEmail}} ({{supportEmail}}){{/if}}.

{{signature}}
`,
  },
};
