import type { Catalog } from './catalog.js';

/** English (Canada). */
export const en: Catalog = {
  violations: {
    too_short: {
      count: 'min',
      one: 'The password must be at least {min} character long.',
      other: 'The password must be at least {min} characters long.',
    },
    too_long: {
      count: 'max',
      one: 'The password must be at most {max} character long.',
      other: 'The password must be at most {max} characters long.',
    },
    missing_digit: 'The password must contain at least one digit.',
    missing_letter: 'The password must contain at least one letter.',
    missing_upper: 'The password must contain at least one uppercase letter.',
    missing_lower: 'The password must contain at least one lowercase letter.',
    missing_symbol:
      'The password must contain at least one special character (neither a letter nor a digit).',
    contains_username: 'The password must not contain your username.',
    common_password: 'This password is too common. Please choose another one.',
    reused: 'You have used this password recently. Please choose another one.',
  },
  rules: {
    min_length: {
      count: 'min',
      one: 'At least {min} character',
      other: 'At least {min} characters',
    },
    max_length: { count: 'max', one: 'At most {max} character', other: 'At most {max} characters' },
    digit: 'At least one digit',
    letter: 'At least one letter',
    upper: 'At least one uppercase letter',
    lower: 'At least one lowercase letter',
    symbol: 'At least one special character (neither a letter nor a digit)',
    not_username: 'Does not contain your username',
    not_common: 'Is not a common password',
    not_reused: {
      count: 'count',
      one: 'Different from your last password',
      other: 'Different from your last {count} passwords',
    },
  },
  usernameErrors: {
    last_name_unusable:
      'A username cannot be formed: the last name has no usable letter. Please provide the username explicitly.',
    rule_not_derivable:
      "This organization's usernames are not formed from names. Please provide the username explicitly.",
    username_required: 'A username is required for this organization.',
    username_empty: 'Enter your username.',
    username_too_long: {
      count: 'max',
      one: 'The username must be at most {max} character long.',
      other: 'The username must be at most {max} characters long.',
    },
    username_invalid_characters:
      'The username may only contain unaccented letters, digits, periods, hyphens and underscores, and must start and end with a letter or a digit.',
    username_pattern_mismatch:
      'This username does not have the expected format (for example: {example}).',
    rule_pattern_invalid: 'The username format configured for this organization is not valid.',
  },
  policyIssues: {
    min_length_below_floor:
      'The minimum length cannot be lower than {floor} characters (requested: {value}).',
    max_length_below_floor:
      'The maximum length must be at least {floor} characters (requested: {value}).',
    deny_common_required: 'Refusing common passwords cannot be turned off.',
    disallow_username_required:
      'Refusing passwords that contain the username cannot be turned off.',
    min_length_under_8:
      'A minimum length of {value} is weak: NIST (SP 800-63B) requires at least {recommended} characters for user-chosen passwords.',
    min_length_under_15:
      'NIST (SP 800-63B) requires at least {recommended} characters when the password is the only authentication factor (current minimum length: {value}).',
    max_length_under_64:
      'NIST (SP 800-63B) recommends accepting passwords of at least {recommended} characters (current maximum length: {value}).',
    deny_list_disabled: 'Common passwords are accepted. NIST recommends refusing them.',
    username_allowed: 'Passwords that contain the username are accepted.',
    composition_rules:
      'NIST no longer recommends requiring digits, capitals or special characters: a longer minimum length protects better.',
  },
};
