import { useEffect, useRef, useState } from 'react';
import {
  BRANDING_ASSET_MAX_BYTES,
  type BrandingAssetKind,
  type BrandingAssetView,
} from '@guichet/types';
import { ApiRequestError } from '../api';
import { useI18n, type Messages } from '../i18n';
import { useTenantScope } from '../tenant-context';

const ACCEPT = '.png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml';
const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
const kb = (bytes: number) => Math.round(bytes / 1024);

/** A file as a data: address (the admin app's CSP allows data: images, not the portal's http host in development). */
export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The stored image of a kind as a data: address, fetched again when a new one is uploaded. */
export function useStoredImage(
  kind: BrandingAssetKind,
  asset: BrandingAssetView | null,
): string | null {
  const { api, tenant } = useTenantScope();
  const [src, setSrc] = useState<string | null>(null);
  const sha = asset?.sha256;
  useEffect(() => {
    if (!sha) return setSrc(null);
    const abort = new AbortController();
    api
      .brandingAsset(tenant.id, kind, abort.signal)
      .then(readAsDataUrl)
      .then((url) => !abort.signal.aborted && setSrc(url))
      .catch(() => !abort.signal.aborted && setSrc(null));
    return () => abort.abort();
  }, [api, tenant.id, kind, sha]);
  return src;
}

function uploadError(error: unknown, kind: BrandingAssetKind, t: Messages): string {
  const max = kb(BRANDING_ASSET_MAX_BYTES[kind]);
  if (!(error instanceof ApiRequestError)) return t.imageUploadFailed;
  if (error.status === 413) return t.imageTooLarge(max);
  if (error.status === 415) return t.imageWrongType;
  if (error.status === 400 && error.body.error === 'svg_unusable') return t.imageSvgUnusable;
  if (error.status === 400) return t.imageWrongType;
  return t.imageUploadFailed;
}

interface Props {
  kind: BrandingAssetKind;
  /** The stored image as a data: address, or null. */
  storedSrc: string | null;
}

/**
 * Upload of the logo or the favicon: the rules stated, the chosen file previewed before it
 * is sent, checked here for size and type and again (from its bytes) by the API. Not a form
 * of its own: it sits inside the branding form, and uploads apart from its Save.
 */
export function BrandImageUpload({ kind, storedSrc }: Props) {
  const { t } = useI18n();
  const { api, tenant, setTenant } = useTenantScope();
  const fileRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; src: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const max = BRANDING_ASSET_MAX_BYTES[kind];
  const stored = tenant.brandingAssets?.[kind] ?? null;
  const id = `brand-${kind}`;

  const onChoose = async () => {
    setDone(null);
    setError(null);
    setChosen(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    if (file.size > max) return setError(t.imageTooLarge(kb(max)));
    if (file.type && !TYPES.includes(file.type)) return setError(t.imageWrongType);
    setChosen({ file, src: await readAsDataUrl(file) });
  };

  const run = async (action: () => Promise<unknown>, message: string) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setTenant(await api.tenant(tenant.id));
      setChosen(null);
      if (fileRef.current) fileRef.current.value = '';
      setDone(message);
    } catch (e) {
      setError(uploadError(e, kind, t));
    } finally {
      setPending(false);
    }
  };

  const upload = () => {
    if (!chosen) {
      setError(t.imageChooseFirst);
      fileRef.current?.focus();
      return;
    }
    void run(() => api.uploadBrandingAsset(tenant.id, kind, chosen.file), t.imageUploaded);
  };

  return (
    <div
      className={`field brand-image${error ? ' field-invalid' : ''}`}
      data-testid={`${id}-upload`}
    >
      <label htmlFor={`${id}-file`}>{t.imageUploadLabel[kind]}</label>
      <p className="field-hint" id={`${id}-rules`}>
        {t.imageRules(kb(max))}
      </p>
      <div className="brand-image-previews">
        {chosen ? (
          <figure className="brand-image-preview">
            <img src={chosen.src} alt="" data-testid={`${id}-chosen`} />
            <figcaption>{t.imageChosen}</figcaption>
          </figure>
        ) : stored ? (
          <figure className="brand-image-preview">
            {storedSrc && <img src={storedSrc} alt="" data-testid={`${id}-stored`} />}
            <figcaption>
              {t.imageCurrent(
                stored.contentType.replace('image/', '').replace('+xml', '').toUpperCase(),
                kb(stored.size) ? String(kb(stored.size)) : '< 1',
              )}
            </figcaption>
          </figure>
        ) : (
          <p className="muted">{t.imageNone}</p>
        )}
      </div>
      <input
        ref={fileRef}
        id={`${id}-file`}
        type="file"
        accept={ACCEPT}
        aria-describedby={`${id}-rules${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={() => void onChoose()}
        data-testid={`${id}-file`}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={upload}
          disabled={pending}
          data-testid={`${id}-submit`}
        >
          {pending ? t.imageUploading : t.imageUpload}
        </button>
        {stored && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void run(() => api.removeBrandingAsset(tenant.id, kind), t.imageRemoved)}
            disabled={pending}
            data-testid={`${id}-remove`}
          >
            {t.imageRemove}
          </button>
        )}
      </div>
      <div role="alert">
        {error && (
          <p id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <div role="status">
        {done && (
          <p className="notice notice-success" data-testid={`${id}-ok`}>
            {done}
          </p>
        )}
      </div>
    </div>
  );
}
