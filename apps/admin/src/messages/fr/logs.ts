import type { DeliveryStatus } from '@guichet/types';
import { plural, type ActorType } from './helpers';

/** The Deliveries and Audit log screens. */
export const logs = {
  // Deliveries
  deliveriesTitle: 'Envois de courriels',
  deliveriesFilterLabel: 'Filtrer les envois',
  allKinds: 'Tous',
  recipientSearch: 'Destinataire',
  deliveryStatus: {
    queued: 'En file',
    sending: 'En cours',
    sent: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
  } as Record<DeliveryStatus, string>,
  noDeliveries: 'Aucun envoi ne correspond.',
  createdAtColumn: 'Date',
  recipient: 'Destinataire',
  attempts: 'Tentatives',
  retryDelivery: 'Renvoyer',
  deliveryRequeued: 'Envoi remis en file.',
  deliveriesPagination: 'Pages des envois',

  // Audit
  auditTitle: 'Journal d’audit',
  platformAuditTitle: 'Journal de la plateforme',
  platformAuditIntro:
    'Ce qui ne concerne aucun établissement en particulier : établissements créés, comptes administrateurs, connexions à l’administration, adresses bloquées après trop d’échecs.',
  auditFilterLabel: 'Filtrer le journal',
  auditAction: 'Action',
  auditActionHint: 'Début du nom, par exemple settings. ou user.',
  auditActor: 'Auteur',
  auditFrom: 'Du',
  auditTo: 'Au',
  auditWhen: 'Date',
  auditChange: 'Avant / après',
  actorType: {
    user: 'Utilisateur',
    admin: 'Administrateur',
    system: 'Système',
    anonymous: 'Anonyme',
    scim: 'Client SCIM',
  } as Record<ActorType, string>,
  changedFields: (n: number) => `${n} ${plural(n, 'valeur modifiée', 'valeurs modifiées')}`,
  auditField: 'Champ',
  before: 'Avant',
  after: 'Après',
  noAuditEvents: 'Aucun événement ne correspond.',
  exportCsv: 'Exporter en CSV',
  exportReady: 'Export téléchargé.',
  auditPagination: 'Pages du journal',
};
