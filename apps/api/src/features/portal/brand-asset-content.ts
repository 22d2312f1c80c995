import { Injectable } from '@nestjs/common';
import { TenantAssetsRepository, type TenantId } from '@guichet/db';
import type { BrandingAssetKind, BrandingAssetType } from '@guichet/types';

/** Bytes of uploaded images kept in process: at most 256 KB each, immutable by address. */
export const BRAND_ASSET_CACHE_MAX_BYTES = 16 * 1024 * 1024;

interface Content {
  contentType: BrandingAssetType;
  content: Buffer;
}

/**
 * The bytes of a tenant's uploaded logo or favicon by its hash. Browsers cache them for a
 * year, so each process reads one from the database about once; what it holds is bounded.
 */
@Injectable()
export class BrandAssetContent {
  private readonly held = new Map<string, Content>();
  private heldBytes = 0;

  constructor(private readonly assets: TenantAssetsRepository) {}

  async get(tenantId: TenantId, kind: BrandingAssetKind, sha256: string): Promise<Content | null> {
    const key = `${tenantId}:${kind}:${sha256}`;
    const hit = this.held.get(key);
    if (hit) return hit;
    const found = await this.assets.content(tenantId, kind, sha256);
    if (!found) return null;
    while (this.heldBytes + found.content.length > BRAND_ASSET_CACHE_MAX_BYTES && this.held.size) {
      const [oldestKey, oldest] = this.held.entries().next().value!;
      this.held.delete(oldestKey);
      this.heldBytes -= oldest.content.length;
    }
    this.held.set(key, found);
    this.heldBytes += found.content.length;
    return found;
  }
}
