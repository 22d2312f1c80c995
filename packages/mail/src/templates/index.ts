import type { EmailKind, Locale } from '@guichet/types';
import type { TemplateSet } from '../types.js';
import { alreadyEnrolled } from './already-enrolled.js';
import { emailChanged } from './email-changed.js';
import { enrolment } from './enrolment.js';
import { passwordChanged } from './password-changed.js';
import { passwordReset } from './password-reset.js';
import { testEmail } from './test-email.js';

/** The default templates: one module per message kind, fr/en/pt each with subject, html and text. */
export const DEFAULT_TEMPLATES: Readonly<Record<EmailKind, Readonly<Record<Locale, TemplateSet>>>> =
  {
    'password-reset': passwordReset,
    enrolment,
    'already-enrolled': alreadyEnrolled,
    'password-changed': passwordChanged,
    'test-email': testEmail,
    'email-changed': emailChanged,
  };

export { LAYOUT } from './layout.js';
export { PARTIALS, PARTIAL_NAMES, type PartialName } from './partials.js';
export { DEFAULT_TEXTS } from './catalog.js';
