import type { TenantTextKey } from '@guichet/types';

/** The Branding screen. */
export const branding = {
  // Branding
  brandingTitle: 'Image et textes du portail',
  brandingIntro: 'L’aperçu montre la page de connexion telle qu’elle sera une fois enregistrée.',
  coloursLegend: 'Couleurs',
  primaryColorLabel: 'Couleur principale',
  primaryColorHint: 'Bandeau, liens et bouton SOUMETTRE.',
  accentColorLabel: 'Couleur d’accent',
  colorPicker: (label: string) => `${label} : sélecteur de couleur`,
  imagesLegend: 'Images',
  logoUrlLabel: 'Logo (adresse)',
  faviconUrlLabel: 'Icône d’onglet (adresse)',
  imageUploadLabel: { logo: 'Logo (fichier)', favicon: 'Icône d’onglet (fichier)' },
  imageRules: (maxKb: number) =>
    `PNG, JPEG ou SVG, ${maxKb} Ko au plus. Un SVG est nettoyé (scripts, liens et contenu HTML retirés). Un fichier envoyé remplace l’adresse ci-dessous.`,
  imageCurrent: (format: string, kb: string) => `Image actuelle (${format}, ${kb} Ko)`,
  imageChosen: 'Image choisie (pas encore envoyée)',
  imageNone: 'Aucun fichier envoyé : l’adresse ci-dessous, ou l’image par défaut, s’applique.',
  imageUpload: 'Envoyer',
  imageUploading: 'Envoi…',
  imageRemove: 'Retirer le fichier',
  imageUploaded: 'Image enregistrée. Le portail l’affiche déjà.',
  imageRemoved: 'Fichier retiré. Le portail reprend l’adresse ou l’image par défaut.',
  imageChooseFirst: 'Choisissez d’abord un fichier.',
  imageTooLarge: (maxKb: number) =>
    `Ce fichier dépasse ${maxKb} Ko. Réduisez l’image ou exportez-la de nouveau.`,
  imageWrongType:
    'Ce fichier n’est pas une image PNG, JPEG ou SVG (quel que soit son nom). Choisissez une autre image.',
  imageSvgUnusable:
    'Il ne reste rien de ce SVG une fois nettoyé. Exportez-le de nouveau comme SVG simple.',
  imageUploadFailed: 'L’envoi n’a pas abouti. Réessayez.',
  urlOrPathHint:
    'Une adresse https://… ou un chemin du portail comme /logo.png. Laissez vide pour n’en avoir aucun.',
  textsLegend: 'Textes de la page de connexion',
  textsHint: 'Un champ vide reprend le texte par défaut du portail.',
  textsLanguage: 'Langue des textes',
  textLabel: {
    portalName: 'Nom du portail (bandeau)',
    welcomeTitle: 'Titre de bienvenue',
    welcomeSubtitle: 'Sous-titre',
    usernameHint: 'Aide sous le nom d’utilisateur',
    passwordHint: 'Aide sous le mot de passe',
    footer: 'Pied de page',
    signature: 'Signature des courriels',
  } as Record<TenantTextKey, string>,
  previewCaption: (language: string) => `Aperçu de la page de connexion (${language})`,
  livePortalCaption: (language: string) => `Portail en ligne, version enregistrée (${language})`,
  livePortalFrameTitle: (name: string) => `Page de connexion en ligne du portail ${name}`,
  livePortalHint:
    'La vraie page du portail, telle qu’il la sert maintenant ; elle se recharge après chaque enregistrement.',
  livePortalUnavailable:
    'Ce portail n’a pas d’adresse sur le domaine de la plateforme : il ne peut pas être affiché ici.',
  openPortalInNewTab: 'Ouvrir dans un nouvel onglet',
};
