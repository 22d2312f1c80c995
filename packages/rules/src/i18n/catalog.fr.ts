import type { Catalog } from './catalog.js';

/** Français (Québec). Espace insécable avant le deux-points, selon l'usage de l'OQLF. */
export const fr: Catalog = {
  violations: {
    too_short: {
      count: 'min',
      one: 'Le mot de passe doit contenir au moins {min} caractère.',
      other: 'Le mot de passe doit contenir au moins {min} caractères.',
    },
    too_long: {
      count: 'max',
      one: 'Le mot de passe doit contenir au plus {max} caractère.',
      other: 'Le mot de passe doit contenir au plus {max} caractères.',
    },
    missing_digit: 'Le mot de passe doit contenir au moins un chiffre.',
    missing_letter: 'Le mot de passe doit contenir au moins une lettre.',
    missing_upper: 'Le mot de passe doit contenir au moins une lettre majuscule.',
    missing_lower: 'Le mot de passe doit contenir au moins une lettre minuscule.',
    missing_symbol:
      'Le mot de passe doit contenir au moins un caractère spécial (ni lettre ni chiffre).',
    contains_username: "Le mot de passe ne doit pas contenir votre nom d'utilisateur.",
    common_password: 'Ce mot de passe est trop courant. Choisissez-en un autre.',
    reused: 'Vous avez déjà utilisé ce mot de passe récemment. Choisissez-en un autre.',
  },
  rules: {
    min_length: {
      count: 'min',
      one: 'Au moins {min} caractère',
      other: 'Au moins {min} caractères',
    },
    max_length: { count: 'max', one: 'Au plus {max} caractère', other: 'Au plus {max} caractères' },
    digit: 'Au moins un chiffre',
    letter: 'Au moins une lettre',
    upper: 'Au moins une lettre majuscule',
    lower: 'Au moins une lettre minuscule',
    symbol: 'Au moins un caractère spécial (ni lettre ni chiffre)',
    not_username: "Ne contient pas votre nom d'utilisateur",
    not_common: "N'est pas un mot de passe courant",
    not_reused: {
      count: 'count',
      one: 'Différent de votre dernier mot de passe',
      other: 'Différent de vos {count} derniers mots de passe',
    },
  },
  usernameErrors: {
    last_name_unusable:
      "Impossible de former le nom d'utilisateur\u00a0: le nom de famille ne contient aucune lettre utilisable. Indiquez le nom d'utilisateur explicitement.",
    rule_not_derivable:
      "Les noms d'utilisateur de cet établissement ne sont pas formés à partir du nom. Indiquez le nom d'utilisateur explicitement.",
    username_required: "Le nom d'utilisateur est obligatoire pour cet établissement.",
    username_empty: "Entrez votre nom d'utilisateur.",
    username_too_long: {
      count: 'max',
      one: "Le nom d'utilisateur doit contenir au plus {max} caractère.",
      other: "Le nom d'utilisateur doit contenir au plus {max} caractères.",
    },
    username_invalid_characters:
      "Le nom d'utilisateur ne peut contenir que des lettres non accentuées, des chiffres, des points, des traits d'union et des traits de soulignement, et doit commencer et se terminer par une lettre ou un chiffre.",
    username_pattern_mismatch:
      "Ce nom d'utilisateur n'a pas le format attendu (par exemple\u00a0: {example}).",
    rule_pattern_invalid:
      "Le format de nom d'utilisateur configuré pour cet établissement n'est pas valide.",
  },
  policyIssues: {
    min_length_below_floor:
      'La longueur minimale ne peut pas être inférieure à {floor} caractères (valeur demandée\u00a0: {value}).',
    max_length_below_floor:
      "La longueur maximale doit être d'au moins {floor} caractères (valeur demandée\u00a0: {value}).",
    deny_common_required: 'Le refus des mots de passe courants ne peut pas être désactivé.',
    disallow_username_required:
      "Le refus des mots de passe qui contiennent le nom d'utilisateur ne peut pas être désactivé.",
    min_length_under_8:
      'Une longueur minimale de {value} est faible\u00a0: le NIST (SP 800-63B) demande au moins {recommended} caractères pour un mot de passe choisi par la personne.',
    min_length_under_15:
      "Le NIST (SP 800-63B) demande au moins {recommended} caractères lorsque le mot de passe est le seul facteur d'authentification (longueur minimale actuelle\u00a0: {value}).",
    max_length_under_64:
      "Le NIST (SP 800-63B) recommande d'accepter des mots de passe d'au moins {recommended} caractères (longueur maximale actuelle\u00a0: {value}).",
    deny_list_disabled:
      'Les mots de passe courants sont acceptés. Le NIST recommande de les refuser.',
    username_allowed: "Les mots de passe qui contiennent le nom d'utilisateur sont acceptés.",
    composition_rules:
      "Le NIST ne recommande plus d'exiger des chiffres, des majuscules ou des caractères spéciaux\u00a0: une longueur minimale plus grande protège mieux.",
  },
};
