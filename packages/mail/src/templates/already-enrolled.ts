import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A_SMALL, P, SMALL } from './catalog.js';

/**
 * Sent instead of the enrolment email when the account is already enrolled, so that the
 * portal's reply never tells whether an account exists: the message goes to the account's
 * own address and points to the forgot-password page.
 */
export const alreadyEnrolled: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Votre compte est déjà inscrit au portail Web du Centre de services',
    html: `<p style="${P}">Bonjour{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Nous avons reçu une demande d'inscription au portail Web du Centre de services pour le nom d'utilisateur <strong>{{username}}</strong>. Ce compte est déjà inscrit : vous n'avez pas à vous inscrire de nouveau.</p>
<p style="${P}">Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser à partir de cette page :</p>
{{> button url=forgotPasswordUrl label="Réinitialiser votre mot de passe"}}
<p style="${P}">Si vous n'avez pas fait cette demande, vous pouvez ignorer ce courriel sans crainte.</p>
<p style="${SMALL}">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="{{forgotPasswordUrl}}" target="_blank" rel="noopener" style="${A_SMALL}">{{forgotPasswordUrl}}</a></p>
`,
    text: `Bonjour{{#if recipientName}} {{recipientName}}{{/if}},

Nous avons reçu une demande d'inscription au portail Web du Centre de services pour le nom d'utilisateur {{username}}. Ce compte est déjà inscrit : vous n'avez pas à vous inscrire de nouveau.

Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser à partir de cette page : Réinitialiser votre mot de passe
{{forgotPasswordUrl}}

Si vous n'avez pas fait cette demande, vous pouvez ignorer ce courriel sans crainte.

{{signature}}
`,
  },
  en: {
    subject: 'Your account is already registered for the Service Centre web portal',
    html: `<p style="${P}">Hello{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">We received a request to register for the Service Centre web portal with the username <strong>{{username}}</strong>. This account is already registered: you do not need to register again.</p>
<p style="${P}">If you forgot your password, you can reset it from this page:</p>
{{> button url=forgotPasswordUrl label="Reset your password"}}
<p style="${P}">If you did not make this request, you can safely ignore this email.</p>
<p style="${SMALL}">If the button does not work, copy this address into your browser:<br><a href="{{forgotPasswordUrl}}" target="_blank" rel="noopener" style="${A_SMALL}">{{forgotPasswordUrl}}</a></p>
`,
    text: `Hello{{#if recipientName}} {{recipientName}}{{/if}},

We received a request to register for the Service Centre web portal with the username {{username}}. This account is already registered: you do not need to register again.

If you forgot your password, you can reset it from this page: Reset your password
{{forgotPasswordUrl}}

If you did not make this request, you can safely ignore this email.

{{signature}}
`,
  },
  pt: {
    subject: 'Conta já inscrita no portal Web do Centro de Serviços',
    html: `<p style="${P}">Olá{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Recebemos um pedido de inscrição no portal Web do Centro de Serviços para a conta <strong>{{username}}</strong>. Esta conta já está inscrita: não é necessário fazer uma nova inscrição.</p>
<p style="${P}">Se esqueceu a senha, pode redefini-la a partir desta página:</p>
{{> button url=forgotPasswordUrl label="Redefinir a senha"}}
<p style="${P}">Se não fez este pedido, pode ignorar este e-mail com segurança.</p>
<p style="${SMALL}">Se o botão não funcionar, copie este endereço no navegador:<br><a href="{{forgotPasswordUrl}}" target="_blank" rel="noopener" style="${A_SMALL}">{{forgotPasswordUrl}}</a></p>
`,
    text: `Olá{{#if recipientName}} {{recipientName}}{{/if}},

Recebemos um pedido de inscrição no portal Web do Centro de Serviços para a conta {{username}}. Esta conta já está inscrita: não é necessário fazer uma nova inscrição.

Se esqueceu a senha, pode redefini-la a partir desta página: Redefinir a senha
{{forgotPasswordUrl}}

Se não fez este pedido, pode ignorar este e-mail com segurança.

{{signature}}
`,
  },
};
