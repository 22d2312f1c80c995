import {
  AD_ATTRIBUTES,
  AD_FILTER,
  DIRECTORY_FIELDS,
  type DirectoryField,
  type DirectorySettingsRequest,
  type DirectorySettingsView,
} from '@guichet/types';

/** The Directory form's values, from and to the API's shapes. */
export interface Values {
  url: string;
  startTls: boolean;
  caCertificate: string;
  bindDn: string;
  bindPassword: string;
  baseDn: string;
  filter: string;
  attributes: Record<DirectoryField, string>;
  disabledKind: 'userAccountControl' | 'filter' | 'none';
  disabledFilter: string;
  leavers: 'disable' | 'keep';
  everyMinutes: string;
  maxDisablePercent: string;
}

export const EMPTY: Values = {
  url: '',
  startTls: false,
  caCertificate: '',
  bindDn: '',
  bindPassword: '',
  baseDn: '',
  filter: AD_FILTER,
  attributes: { ...AD_ATTRIBUTES },
  disabledKind: 'userAccountControl',
  disabledFilter: '',
  leavers: 'disable',
  everyMinutes: '',
  maxDisablePercent: '50',
};

export function fromView(view: DirectorySettingsView): Values {
  const s = view.settings;
  if (!s) return EMPTY;
  return {
    url: s.url,
    startTls: s.startTls,
    caCertificate: s.caCertificate ?? '',
    bindDn: s.bindDn,
    bindPassword: '',
    baseDn: s.baseDn,
    filter: s.filter,
    attributes: Object.fromEntries(
      DIRECTORY_FIELDS.map((f) => [f, s.attributes[f] ?? '']),
    ) as Record<DirectoryField, string>,
    disabledKind: s.disabled.kind,
    disabledFilter: s.disabled.kind === 'filter' ? s.disabled.filter : '',
    leavers: s.leavers,
    everyMinutes: s.everyMinutes === null ? '' : String(s.everyMinutes),
    maxDisablePercent: String(s.maxDisablePercent),
  };
}

/** The form as the API reads it (the API validates; its per-field messages are shown). */
export function toRequest(v: Values): DirectorySettingsRequest {
  const a = v.attributes;
  return {
    url: v.url.trim(),
    startTls: v.startTls,
    caCertificate: v.caCertificate.trim() || null,
    bindDn: v.bindDn.trim(),
    ...(v.bindPassword ? { bindPassword: v.bindPassword } : {}),
    baseDn: v.baseDn.trim(),
    filter: v.filter.trim(),
    attributes: {
      username: a.username.trim() || null,
      firstName: a.firstName.trim(),
      lastName: a.lastName.trim(),
      email: a.email.trim(),
      externalId: a.externalId.trim(),
    },
    disabled:
      v.disabledKind === 'filter'
        ? { kind: 'filter', filter: v.disabledFilter.trim() }
        : { kind: v.disabledKind },
    leavers: v.leavers,
    everyMinutes: v.everyMinutes.trim() === '' ? null : Number(v.everyMinutes),
    maxDisablePercent: Number(v.maxDisablePercent),
  };
}
