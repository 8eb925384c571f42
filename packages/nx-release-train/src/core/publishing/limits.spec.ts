import { describe, expect, it } from 'vitest';
import { CRATES_IO_BUDGET } from './eta';
import { registryProfile } from './limits';

describe('registryProfile', () => {
  it("knows crates.io's limits and assumes none for other registries", () => {
    expect(registryProfile('crates-io', {}, false)).toEqual({
      budget: CRATES_IO_BUDGET,
      publishMs: 5000,
      indexMs: 15_000,
      limitsFrom: "crates.io's known limits",
    });
    expect(registryProfile('local', {}, false)).toEqual({
      budget: { newVersions: null, newCrates: null },
      publishMs: 2000,
      indexMs: 2000,
      limitsFrom: 'no limits known for "local" (setting registryLimits.local)',
    });
  });

  it('drops the per-user new-version limit under trusted publishing', () => {
    expect(registryProfile('crates-io', {}, true).budget).toEqual({ newVersions: null, newCrates: CRATES_IO_BUDGET.newCrates });
  });

  it('takes limits and timings from the setting, and names a bad one', () => {
    const p = registryProfile('corp', { corp: { newVersions: { burst: 10, interval: 30 }, indexSeconds: 4 } }, false);
    expect(p).toMatchObject({
      budget: { newVersions: { burst: 10, intervalMs: 30_000 }, newCrates: null },
      indexMs: 4000,
      limitsFrom: 'limits from registryLimits.corp',
    });
    expect(() => registryProfile('corp', { corp: { newVersions: { burst: 'x' } as never } }, false)).toThrow(
      'setting registryLimits.corp.newVersions is {"burst":"x"}',
    );
  });
});
