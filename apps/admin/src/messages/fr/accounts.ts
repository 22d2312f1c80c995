import type { ImportLineStatus } from '@guichet/types';
import { num, type UserFilter } from './helpers';

/** The Accounts screen and its import. */
export const accounts = {
  // Accounts
  importTitle: 'Importer des comptes (CSV)',
  importIntro:
    'Colonnes lastName, firstName, email, et facultativement username et externalId ; UTF-8 ou Windows-1252 ; séparateur virgule ou point-virgule. Les comptes existants sont mis à jour.',
  importSampleLabel: 'Exemple de fichier',
  importFileLabel: 'Fichier CSV',
  chooseFile: 'Choisissez un fichier CSV.',
  importSubmit: 'Importer',
  importing: 'Importation…',
  importDone: 'Importation terminée. Le rapport suit.',
  importReportTitle: 'Rapport d’importation',
  importStatus: {
    created: 'Créés',
    updated: 'Mis à jour',
    unchanged: 'Inchangés',
    rejected: 'Rejetés',
  } as Record<ImportLineStatus, string>,
  importMeta: (encoding: string, delimiter: string, ms: number) =>
    `Encodage ${encoding}, séparateur « ${delimiter} », ${num(ms)} ms.`,
  importTruncated:
    'Le fichier est long : seule une partie des lignes est détaillée, les totaux les comptent toutes.',
  importFilterLabel: 'Lignes affichées',
  importAllLines: 'Toutes les lignes',
  importRejectedLines: 'Lignes rejetées',
  importNoLines: 'Aucune ligne à afficher.',
  importLine: 'Ligne',
  importReason: 'Motif',
  showMoreLines: (n: number) => `Afficher plus de lignes (${num(n)} restantes)`,
  usersTitle: 'Comptes',
  usersSearchLabel: 'Recherche de comptes',
  searchLabel: 'Rechercher',
  usersSearchHint: 'Nom d’utilisateur, nom, prénom, courriel ou identifiant externe.',
  allStatuses: 'Tous',
  userFilter: {
    active: 'Actifs',
    disabled: 'Désactivés',
    locked: 'Verrouillés',
    enrolled: 'Inscrits',
    'not-enrolled': 'Non inscrits',
  } as Record<UserFilter, string>,
  noUsers: 'Aucun compte ne correspond.',
  personName: 'Nom',
  fullName: (first: string, last: string) => `${first} ${last}`,
  lastLoginAt: (when: string) => `Dernière connexion : ${when}`,
  userStatus: (status: 'active' | 'disabled'): string =>
    status === 'active' ? 'Actif' : 'Désactivé',
  lockedBadge: 'Verrouillé',
  notEnrolledBadge: 'Non inscrit',
  disableUser: 'Désactiver',
  enableUser: 'Réactiver',
  unlockUser: 'Déverrouiller',
  sendResetLink: 'Envoyer un lien de réinitialisation',
  sendEnrolmentLink: 'Envoyer un lien d’inscription',
  userDisabled: 'Compte désactivé.',
  userEnabled: 'Compte réactivé.',
  userUnlocked: 'Compte déverrouillé.',
  resetSent: 'Lien envoyé à l’adresse du compte.',
  resetThrottled:
    'Trop de courriels envoyés à ce compte dans la dernière heure : aucun envoi. Réessayez plus tard.',
  usersPagination: 'Pages des comptes',
};
