import { describe, expect, it } from '@jest/globals';
import { tenantSettingsSchema } from '@guichet/types';
import { changedSections } from '../tenants/tenant-changes.js';
import { defaultTenantSettings } from '../tenants/default-tenant-settings.js';
import { applySettingsPatch } from './tenant-settings.shared.js';

const current = defaultTenantSettings({ name: 'Cégep', slug: 'cegep', baseDomain: 'localhost' });

describe('applySettingsPatch', () => {
  it('replaces each section given whole and keeps the others', () => {
    const lockout = { maxFailures: 3, lockMinutes: 30 };
    const next = applySettingsPatch(current, { lockout }) as typeof current;
    expect(next.lockout).toEqual(lockout);
    expect(next.passwordPolicy).toEqual(current.passwordPolicy);
    expect(tenantSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('replaces texts per locale: a locale not given keeps its texts', () => {
    const fr = { ...current.texts.fr, welcomeTitle: 'Bienvenue au Cégep' };
    const next = applySettingsPatch(current, { texts: { fr } }) as typeof current;
    expect(next.texts.fr.welcomeTitle).toBe('Bienvenue au Cégep');
    expect(next.texts.en).toEqual(current.texts.en);
  });

  it('does not touch the stored settings', () => {
    const before = JSON.parse(JSON.stringify(current)) as typeof current;
    applySettingsPatch(current, { lockout: { maxFailures: 9, lockMinutes: 1 } });
    expect(current).toEqual(before);
  });
});

describe('changedSections', () => {
  it('is null when nothing changed, whatever the key order (jsonb reorders keys)', () => {
    const reordered = Object.fromEntries(Object.entries(current).reverse()) as typeof current;
    expect(changedSections(current, reordered)).toBeNull();
    expect(
      changedSections(current, JSON.parse(JSON.stringify(current)) as typeof current),
    ).toBeNull();
  });

  it('gives only the sections that differ, each side with its own value', () => {
    const after = { ...current, lockout: { maxFailures: 3, lockMinutes: 30 } };
    expect(changedSections(current, after)).toEqual({
      before: { lockout: current.lockout },
      after: { lockout: { maxFailures: 3, lockMinutes: 30 } },
    });
  });

  it('counts a section that appears or disappears, as null on the missing side', () => {
    const before = { a: 1 } as { a: number; b?: number };
    expect(changedSections(before, { a: 1, b: 2 })).toEqual({
      before: { b: null },
      after: { b: 2 },
    });
  });
});
