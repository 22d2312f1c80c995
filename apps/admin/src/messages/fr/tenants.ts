import { num, type AdminSection } from './helpers';

/** The tenant list and a tenant’s layout (menu, hosts). */
export const tenants = {
  // Tenants
  tenantsTitle: 'Établissements',
  tenantsIntroPlatform: 'Choisissez un établissement à configurer, ou créez-en un nouveau.',
  tenantsIntroTenant: 'Choisissez l’établissement à configurer.',
  tenantsLoading: 'Chargement des établissements…',
  tenantLoading: 'Chargement de l’établissement…',
  tenantsEmpty: 'Aucun établissement à afficher.',
  tenantsCount: (count: number) =>
    count <= 1 ? `${count} établissement` : `${num(count)} établissements`,
  tenantsLoadFailed: 'Impossible de charger les établissements.',
  columnName: 'Nom',
  columnSlug: 'Identifiant',
  columnHostNames: 'Noms d’hôte',
  columnPublicUrl: 'Adresse publique',
  columnStatus: 'État',
  columnCreatedAt: 'Créé le',
  status: (status: 'active' | 'disabled'): string => (status === 'active' ? 'Actif' : 'Désactivé'),
  noHostNames: 'Aucun',
  tableScrollHint: 'Liste des établissements, défilement horizontal possible',
  createTenantTitle: 'Nouvel établissement',
  createTenantIntro: (domain: string) =>
    `Le portail répond aussitôt sur identifiant.${domain} ; vous pouvez ajouter un autre nom d’hôte.`,
  slugLabel: 'Identifiant',
  slugHint: 'Lettres minuscules, chiffres et traits d’union ; il forme l’adresse du portail.',
  tenantNameLabel: 'Nom de l’établissement',
  hostNameLabel: 'Nom d’hôte supplémentaire',
  hostNameHint: (example: string) =>
    `Facultatif. Le portail répondra aussi sur ce nom (par exemple un domaine de l’établissement) ; ${example} est déjà prévu.`,
  defaultLocaleLabel: 'Langue par défaut',
  createTenant: 'Créer l’établissement',
  tenantCreated: 'Établissement créé.',

  // A tenant's pages
  sectionNavLabel: (name: string) => `Sections de ${name}`,
  sectionName: {
    overview: 'Vue d’ensemble',
    branding: 'Image et textes',
    'username-rule': 'Noms d’utilisateur',
    'password-policy': 'Mots de passe',
    access: 'Fonctions et accès',
    email: 'Courriel',
    templates: 'Modèles de courriel',
    accounts: 'Comptes',
    directory: 'Annuaire',
    applications: 'Applications',
    provisioning: 'Approvisionnement (SCIM)',
    deliveries: 'Envois',
    audit: 'Journal d’audit',
  } as Record<AdminSection, string>,
  openPortal: 'Ouvrir la page de connexion du portail',
  overviewSummary: 'En bref',
  lastChange: 'Dernière modification',
  versionAt: (version: number, at: string) => `Version ${num(version)}, le ${at}`,
  identityTitle: 'Nom et état',
  statusHint: 'Un établissement désactivé ne répond plus sur ses noms d’hôte.',
  hostsTitle: 'Noms d’hôte',
  hostsIntro: 'Les adresses où répond le portail de cet établissement.',
  newHostLabel: 'Nouveau nom d’hôte',
  publicUrlHint:
    'L’origine des liens envoyés par courriel, par exemple https://portail.exemple.ca (utile après l’ajout d’un domaine).',
  publicUrlInvalid:
    'Entrez une origine http(s) sans chemin, par exemple https://portail.exemple.ca.',
  addHost: 'Ajouter',
  hostAdded: 'Nom d’hôte ajouté.',
  hostRemoved: 'Nom d’hôte retiré.',
  confirmRemoveHost: (host: string) =>
    `Retirer ${host} ? Le portail ne répondra plus à cette adresse.`,
};
