import type { Locale } from '@guichet/types';

/** Defaults of the tenant texts used in emails, when the tenant has not set them for a locale. */
export const DEFAULT_TEXTS: Record<Locale, { signature: string; portalName: string }> = {
  fr: {
    signature: 'Votre Centre de services informatiques',
    portalName: 'Portail Web du Centre de services',
  },
  en: { signature: 'Your IT Service Centre', portalName: 'Service Centre Web Portal' },
  pt: {
    signature: 'Centro de Serviços de Informática',
    portalName: 'Portal Web do Centro de Serviços',
  },
};

/** Inline styles shared by the default HTML bodies (Outlook ignores most inherited styles). */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
export const P = `margin:0 0 16px 0;${FONT}font-size:15px;line-height:22px;color:#1f2937;`;
export const SMALL = `margin:24px 0 0 0;${FONT}font-size:12px;line-height:18px;color:#6b7280;`;
export const A = `color:{{@root.primaryColor}};font-weight:bold;text-decoration:underline;`;
export const A_SMALL = 'color:#4b5563;text-decoration:underline;word-break:break-all;';
