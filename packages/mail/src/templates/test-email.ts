import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { P } from './catalog.js';

/** Sent by a tenant administrator from the admin app to check the tenant's email settings. */
export const testEmail: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Courriel de test – {{tenantName}}',
    html: `<p style="${P}">Bonjour,</p>
<p style="${P}">Ce courriel de test a été envoyé par <strong>{{requestedBy}}</strong> à partir de l'application d'administration de Guichet.</p>
<p style="${P}">Si vous le recevez, l'envoi des courriels de {{tenantName}} fonctionne correctement. Vous n'avez rien à faire.</p>
`,
    text: `Bonjour,

Ce courriel de test a été envoyé par {{requestedBy}} à partir de l'application d'administration de Guichet.

Si vous le recevez, l'envoi des courriels de {{tenantName}} fonctionne correctement. Vous n'avez rien à faire.

{{signature}}
`,
  },
  en: {
    subject: 'Test email – {{tenantName}}',
    html: `<p style="${P}">Hello,</p>
<p style="${P}">This test email was sent by <strong>{{requestedBy}}</strong> from the Guichet administration app.</p>
<p style="${P}">If you received it, email delivery for {{tenantName}} works. There is nothing else to do.</p>
`,
    text: `Hello,

This test email was sent by {{requestedBy}} from the Guichet administration app.

If you received it, email delivery for {{tenantName}} works. There is nothing else to do.

{{signature}}
`,
  },
  pt: {
    subject: 'E-mail de teste – {{tenantName}}',
    html: `<p style="${P}">Olá,</p>
<p style="${P}">Este e-mail de teste foi enviado por <strong>{{requestedBy}}</strong> a partir do painel de administração do Guichet.</p>
<p style="${P}">Se recebeu esta mensagem, o envio de e-mails de {{tenantName}} funciona corretamente. Não é necessária nenhuma ação.</p>
`,
    text: `Olá,

Este e-mail de teste foi enviado por {{requestedBy}} a partir do painel de administração do Guichet.

Se recebeu esta mensagem, o envio de e-mails de {{tenantName}} funciona corretamente. Não é necessária nenhuma ação.

{{signature}}
`,
  },
};
