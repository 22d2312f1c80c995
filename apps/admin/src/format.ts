/** Only http(s) URLs become links (a stored `javascript:` URL must never be clickable). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the UI language; the raw value when it is not a date. */
export function formatDateTime(
  iso: string | null | undefined,
  intlLocale: string,
  style: 'date' | 'datetime' = 'datetime',
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${intlLocale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      intlLocale,
      style === 'date' ? { dateStyle: 'long' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formats.set(key, format);
  }
  return format.format(date);
}

/** Saves a Blob under a file name (a download the browser asks about or keeps). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The domain of portal hosts: this app is served on `admin.{BASE_DOMAIN}`. */
export function baseDomain(hostname = window.location.hostname): string {
  return hostname.startsWith('admin.') ? hostname.slice('admin.'.length) : hostname;
}
