import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, A_SMALL, P, SMALL } from './catalog.js';

/** French: the Cégep de Sept-Îles guide's email, verbatim, plus greeting, username and expiry. */
export const passwordReset: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Changement de mot de passe pour accéder au portail Web du Centre de services',
    html: `<p style="${P}">Bonjour{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Nom d'utilisateur : <strong>{{username}}</strong></p>
<p style="${P}">Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Changement de mot de passe</a></p>
<p style="${P}">Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.</p>
<p style="${P}">Ce lien est valide pendant {{duration expiresInMinutes}}.</p>
<p style="${P}">Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.</p>
<p style="${SMALL}">Si le lien ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Bonjour{{#if recipientName}} {{recipientName}}{{/if}},

Nom d'utilisateur : {{username}}

Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : Changement de mot de passe
{{link}}

Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.

Ce lien est valide pendant {{duration expiresInMinutes}}.

Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.

{{signature}}
`,
  },
  en: {
    subject: 'Password change to access the Service Centre web portal',
    html: `<p style="${P}">Hello{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Username: <strong>{{username}}</strong></p>
<p style="${P}">To confirm your new password, go to this page: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Change your password</a></p>
<p style="${P}">For security reasons, this page can only be accessed for a limited time. Please change your password as soon as you receive this email.</p>
<p style="${P}">This link is valid for {{duration expiresInMinutes}}.</p>
<p style="${P}">If you did not ask to change your password, you can safely ignore this email.</p>
<p style="${SMALL}">If the link does not work, copy this address into your browser:<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Hello{{#if recipientName}} {{recipientName}}{{/if}},

Username: {{username}}

To confirm your new password, go to this page: Change your password
{{link}}

For security reasons, this page can only be accessed for a limited time. Please change your password as soon as you receive this email.

This link is valid for {{duration expiresInMinutes}}.

If you did not ask to change your password, you can safely ignore this email.

{{signature}}
`,
  },
  pt: {
    subject: 'Alteração de senha para o acesso ao portal Web do Centro de Serviços',
    html: `<p style="${P}">Olá{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Conta: <strong>{{username}}</strong></p>
<p style="${P}">Para confirmar a nova senha, abra esta página: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Alteração de senha</a></p>
<p style="${P}">Por motivos de segurança, o acesso a esta página é válido por tempo limitado. Proceda à alteração da senha assim que receber este e-mail.</p>
<p style="${P}">Este link é válido por {{duration expiresInMinutes}}.</p>
<p style="${P}">Se não pediu a alteração da senha, pode ignorar este e-mail com segurança.</p>
<p style="${SMALL}">Se o link não funcionar, copie este endereço no navegador:<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Olá{{#if recipientName}} {{recipientName}}{{/if}},

Conta: {{username}}

Para confirmar a nova senha, abra esta página: Alteração de senha
{{link}}

Por motivos de segurança, o acesso a esta página é válido por tempo limitado. Proceda à alteração da senha assim que receber este e-mail.

Este link é válido por {{duration expiresInMinutes}}.

Se não pediu a alteração da senha, pode ignorar este e-mail com segurança.

{{signature}}
`,
  },
};
