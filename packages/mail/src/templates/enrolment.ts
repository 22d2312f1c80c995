import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, A_SMALL, P, SMALL } from './catalog.js';

/**
 * "M'inscrire au service". French: the CISSS de la Montérégie guide's email, verbatim (the
 * « Changement de mot de passe » link and its four sentences), plus greeting, username and expiry.
 */
export const enrolment: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Inscription au portail Web du Centre de services : changement de mot de passe',
    html: `<p style="${P}">Bonjour{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Pour terminer votre inscription au portail Web du Centre de services avec le nom d'utilisateur <strong>{{username}}</strong>, choisissez votre mot de passe sur cette page : <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Changement de mot de passe</a></p>
<p style="${P}">Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.</p>
<p style="${P}">Veuillez procéder au changement de mot de passe dès la réception de ce courriel.</p>
<p style="${P}">Ce lien est valide pendant {{duration expiresInMinutes}}.</p>
<p style="${P}">Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.</p>
<p style="${SMALL}">Si le lien ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Bonjour{{#if recipientName}} {{recipientName}}{{/if}},

Pour terminer votre inscription au portail Web du Centre de services avec le nom d'utilisateur {{username}}, choisissez votre mot de passe sur cette page : Changement de mot de passe
{{link}}

Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.

Veuillez procéder au changement de mot de passe dès la réception de ce courriel.

Ce lien est valide pendant {{duration expiresInMinutes}}.

Si vous n'avez pas procédé à une demande de changement de mot de passe, vous pouvez ignorer ce courriel sans crainte.

{{signature}}
`,
  },
  en: {
    subject: 'Registration for the Service Centre web portal: choose your password',
    html: `<p style="${P}">Hello{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">To complete your registration for the Service Centre web portal with the username <strong>{{username}}</strong>, choose your password on this page: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Change your password</a></p>
<p style="${P}">For security reasons, this page can only be accessed for a limited time.</p>
<p style="${P}">Please change your password as soon as you receive this email.</p>
<p style="${P}">This link is valid for {{duration expiresInMinutes}}.</p>
<p style="${P}">If you did not ask to change your password, you can safely ignore this email.</p>
<p style="${SMALL}">If the link does not work, copy this address into your browser:<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Hello{{#if recipientName}} {{recipientName}}{{/if}},

To complete your registration for the Service Centre web portal with the username {{username}}, choose your password on this page: Change your password
{{link}}

For security reasons, this page can only be accessed for a limited time.

Please change your password as soon as you receive this email.

This link is valid for {{duration expiresInMinutes}}.

If you did not ask to change your password, you can safely ignore this email.

{{signature}}
`,
  },
  pt: {
    subject: 'Inscrição no portal Web do Centro de Serviços: definição da senha',
    html: `<p style="${P}">Olá{{#if recipientName}} {{recipientName}}{{/if}},</p>
<p style="${P}">Para concluir a inscrição no portal Web do Centro de Serviços com a conta <strong>{{username}}</strong>, defina a senha nesta página: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Alteração de senha</a></p>
<p style="${P}">Por motivos de segurança, o acesso a esta página é válido por tempo limitado.</p>
<p style="${P}">Proceda à alteração da senha assim que receber este e-mail.</p>
<p style="${P}">Este link é válido por {{duration expiresInMinutes}}.</p>
<p style="${P}">Se não pediu a alteração da senha, pode ignorar este e-mail com segurança.</p>
<p style="${SMALL}">Se o link não funcionar, copie este endereço no navegador:<br><a href="{{link}}" target="_blank" rel="noopener" style="${A_SMALL}">{{link}}</a></p>
`,
    text: `Olá{{#if recipientName}} {{recipientName}}{{/if}},

Para concluir a inscrição no portal Web do Centro de Serviços com a conta {{username}}, defina a senha nesta página: Alteração de senha
{{link}}

Por motivos de segurança, o acesso a esta página é válido por tempo limitado.

Proceda à alteração da senha assim que receber este e-mail.

Este link é válido por {{duration expiresInMinutes}}.

Se não pediu a alteração da senha, pode ignorar este e-mail com segurança.

{{signature}}
`,
  },
};
