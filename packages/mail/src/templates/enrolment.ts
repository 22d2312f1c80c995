import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, P } from './catalog.js';
import { closingHtml, closingText, greetingHtml, greetingText } from './link-email.js';

/**
 * "M'inscrire au service". French: the CISSS de la Montérégie guide's email, verbatim (the
 * « Changement de mot de passe » link and its four sentences), plus greeting, username and expiry.
 */
export const enrolment: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Inscription au portail Web du Centre de services : changement de mot de passe',
    html: `${greetingHtml('fr')}<p style="${P}">Pour terminer votre inscription au portail Web du Centre de services avec le nom d'utilisateur <strong>{{username}}</strong>, choisissez votre mot de passe sur cette page : <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Changement de mot de passe</a></p>
<p style="${P}">Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.</p>
<p style="${P}">Veuillez procéder au changement de mot de passe dès la réception de ce courriel.</p>
${closingHtml('fr')}`,
    text: `${greetingText('fr')}Pour terminer votre inscription au portail Web du Centre de services avec le nom d'utilisateur {{username}}, choisissez votre mot de passe sur cette page : Changement de mot de passe
{{link}}

Pour des raisons de sécurité, l'accès à cette page est d'une durée limitée.

Veuillez procéder au changement de mot de passe dès la réception de ce courriel.

${closingText('fr')}`,
  },
  en: {
    subject: 'Registration for the Service Centre web portal: choose your password',
    html: `${greetingHtml('en')}<p style="${P}">To complete your registration for the Service Centre web portal with the username <strong>{{username}}</strong>, choose your password on this page: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Change your password</a></p>
<p style="${P}">For security reasons, this page can only be accessed for a limited time.</p>
<p style="${P}">Please change your password as soon as you receive this email.</p>
${closingHtml('en')}`,
    text: `${greetingText('en')}To complete your registration for the Service Centre web portal with the username {{username}}, choose your password on this page: Change your password
{{link}}

For security reasons, this page can only be accessed for a limited time.

Please change your password as soon as you receive this email.

${closingText('en')}`,
  },
  pt: {
    subject: 'Inscrição no portal Web do Centro de Serviços: definição da senha',
    html: `${greetingHtml('pt')}<p style="${P}">Para concluir a inscrição no portal Web do Centro de Serviços com a conta <strong>{{username}}</strong>, defina a senha nesta página: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Alteração de senha</a></p>
<p style="${P}">Por motivos de segurança, o acesso a esta página é válido por tempo limitado.</p>
<p style="${P}">Proceda à alteração da senha assim que receber este e-mail.</p>
${closingHtml('pt')}`,
    text: `${greetingText('pt')}Para concluir a inscrição no portal Web do Centro de Serviços com a conta {{username}}, defina a senha nesta página: Alteração de senha
{{link}}

Por motivos de segurança, o acesso a esta página é válido por tempo limitado.

Proceda à alteração da senha assim que receber este e-mail.

${closingText('pt')}`,
  },
};
