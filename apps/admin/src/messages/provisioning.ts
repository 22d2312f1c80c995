import { useI18n, type UiLocale } from '../i18n';

/** The Provisioning (SCIM) screen's words, beside the screen (French is the reference). */
const fr = {
  title: 'Approvisionnement (SCIM)',
  intro:
    'Microsoft Entra ID (ou tout client SCIM 2.0) crée, met à jour et désactive les comptes de cet établissement. Dans Entra : Applications d’entreprise → votre application → Approvisionnement → mode Automatique, puis collez l’URL du locataire et le jeton secret ci-dessous.',
  scimUrlLabel: 'URL du locataire (Tenant URL)',
  createTitle: 'Nouveau jeton',
  nameLabel: 'Nom du jeton',
  nameHint:
    'Par exemple « Entra ID – production » : il nomme l’auteur des changements dans le journal d’audit.',
  create: 'Créer le jeton',
  tokenTitle: (name: string) => `Jeton « ${name} »`,
  tokenOnce:
    'Copiez ce jeton maintenant : vous ne le reverrez plus. Seule son empreinte est conservée.',
  tokenLabel: 'Jeton secret (Secret Token)',
  copy: 'Copier le jeton',
  copied: 'Copié',
  copyFailed: 'La copie a échoué : sélectionnez le jeton et copiez-le vous-même.',
  done: 'J’ai copié le jeton',
  listTitle: 'Jetons',
  none: 'Aucun jeton n’a encore été créé.',
  nameColumn: 'Nom',
  createdColumn: 'Créé',
  lastUseColumn: 'Dernière utilisation',
  stateColumn: 'État',
  actions: 'Actions',
  never: 'Jamais',
  live: 'Actif',
  revokedAt: (at: string) => `Révoqué le ${at}`,
  revoke: 'Révoquer',
  confirmRevoke: (name: string) =>
    `Révoquer le jeton « ${name} » ? Le client qui l’utilise sera refusé dès sa prochaine requête.`,
  revoked: (name: string) => `Le jeton « ${name} » est révoqué.`,
};

type Texts = typeof fr;

const en: Texts = {
  title: 'Provisioning (SCIM)',
  intro:
    'Microsoft Entra ID (or any SCIM 2.0 client) creates, updates and disables this tenant’s accounts. In Entra: Enterprise applications → your application → Provisioning → Automatic mode, then paste the tenant URL and the secret token below.',
  scimUrlLabel: 'Tenant URL',
  createTitle: 'New token',
  nameLabel: 'Token name',
  nameHint: 'For example “Entra ID – production”: it names who made the changes in the audit log.',
  create: 'Create the token',
  tokenTitle: (name: string) => `Token “${name}”`,
  tokenOnce: 'Copy this token now: you will not see it again. Only its hash is kept.',
  tokenLabel: 'Secret Token',
  copy: 'Copy the token',
  copied: 'Copied',
  copyFailed: 'Copying failed: select the token and copy it yourself.',
  done: 'I copied the token',
  listTitle: 'Tokens',
  none: 'No token has been created yet.',
  nameColumn: 'Name',
  createdColumn: 'Created',
  lastUseColumn: 'Last used',
  stateColumn: 'State',
  actions: 'Actions',
  never: 'Never',
  live: 'Active',
  revokedAt: (at: string) => `Revoked on ${at}`,
  revoke: 'Revoke',
  confirmRevoke: (name: string) =>
    `Revoke the token “${name}”? The client using it is refused from its next request on.`,
  revoked: (name: string) => `The token “${name}” is revoked.`,
};

const TEXTS: Record<UiLocale, Texts> = { fr, en };

export function useProvisioningTexts(): Texts {
  return TEXTS[useI18n().locale];
}
