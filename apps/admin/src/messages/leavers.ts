import { useI18n, type UiLocale } from '../i18n';

/** The import's "full export" option (leavers disabled), beside it (French is the reference). */
const fr = {
  fullExport: 'Export complet : désactiver les comptes absents du fichier',
  fullExportHint:
    'Les comptes actifs que le fichier ne nomme pas seront désactivés (connexion refusée, sessions et applications fermées). Un aperçu vous est montré avant.',
  allowMass: 'Permettre de désactiver plus de 20 % des comptes actifs',
  previewTitle: 'Aperçu : rien n’a encore été modifié',
  previewSummary: (n: number) =>
    n === 0
      ? 'Aucun compte ne sera désactivé.'
      : `${n} compte${n > 1 ? 's' : ''} actif${n > 1 ? 's' : ''} absent${n > 1 ? 's' : ''} du fichier ser${n > 1 ? 'ont' : 'a'} désactivé${n > 1 ? 's' : ''} :`,
  confirm: (n: number) =>
    n === 0 ? 'Importer le fichier' : `Importer et désactiver ${n} compte${n > 1 ? 's' : ''}`,
  cancel: 'Annuler',
  disabledCount: 'Désactivés',
};

type Texts = typeof fr;

const en: Texts = {
  fullExport: 'Full export: disable the accounts missing from the file',
  fullExportHint:
    'Active accounts the file does not name will be disabled (sign-in refused, sessions and applications ended). You see a preview first.',
  allowMass: 'Allow disabling more than 20 % of the active accounts',
  previewTitle: 'Preview: nothing has changed yet',
  previewSummary: (n: number) =>
    n === 0
      ? 'No account will be disabled.'
      : `${n} active account${n > 1 ? 's' : ''} missing from the file will be disabled:`,
  confirm: (n: number) =>
    n === 0 ? 'Import the file' : `Import and disable ${n} account${n > 1 ? 's' : ''}`,
  cancel: 'Cancel',
  disabledCount: 'Disabled',
};

const TEXTS: Record<UiLocale, Texts> = { fr, en };

export function useLeaversTexts(): Texts {
  return TEXTS[useI18n().locale];
}
