import type { Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { A, P } from './catalog.js';
import { closingHtml, closingText, greetingHtml, greetingText } from './link-email.js';

/** French: the Cégep de Sept-Îles guide's email, verbatim, plus greeting, username and expiry. */
export const passwordReset: Record<Locale, TemplateSet> = {
  fr: {
    subject: 'Changement de mot de passe pour accéder au portail Web du Centre de services',
    html: `${greetingHtml('fr')}<p style="${P}">Nom d'utilisateur : <strong>{{username}}</strong></p>
<p style="${P}">Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Changement de mot de passe</a></p>
<p style="${P}">Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.</p>
${closingHtml('fr')}`,
    text: `${greetingText('fr')}Nom d'utilisateur : {{username}}

Pour confirmer votre nouveau mot de passe, vous devez accéder cette page : Changement de mot de passe
{{link}}

Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception de ce courriel.

${closingText('fr')}`,
  },
  en: {
    subject: 'Password change to access the Service Centre web portal',
    html: `${greetingHtml('en')}<p style="${P}">Username: <strong>{{username}}</strong></p>
<p style="${P}">To confirm your new password, go to this page: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Change your password</a></p>
<p style="${P}">For security reasons, this page can only be accessed for a limited time. Please change your password as soon as you receive this email.</p>
${closingHtml('en')}`,
    text: `${greetingText('en')}Username: {{username}}

To confirm your new password, go to this page: Change your password
{{link}}

For security reasons, this page can only be accessed for a limited time. Please change your password as soon as you receive this email.

${closingText('en')}`,
  },
  pt: {
    subject: 'Alteração de senha para o acesso ao portal Web do Centro de Serviços',
    html: `${greetingHtml('pt')}<p style="${P}">Conta: <strong>{{username}}</strong></p>
<p style="${P}">Para confirmar a nova senha, abra esta página: <a href="{{link}}" target="_blank" rel="noopener" style="${A}">Alteração de senha</a></p>
<p style="${P}">Por motivos de segurança, o acesso a esta página é válido por tempo limitado. Proceda à alteração da senha assim que receber este e-mail.</p>
${closingHtml('pt')}`,
    text: `${greetingText('pt')}Conta: {{username}}

Para confirmar a nova senha, abra esta página: Alteração de senha
{{link}}

Por motivos de segurança, o acesso a esta página é válido por tempo limitado. Proceda à alteração da senha assim que receber este e-mail.

${closingText('pt')}`,
  },
};
