import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TenantScope } from '../../src/platform/db/tenant.js';
import { DomainError } from '../../src/platform/errors.js';
import { newId } from '../../src/platform/ids.js';
import { givenOrg } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('TenantScope: queries built through it cannot leave the tenant', () => {
  let fw: TestFlywheel;
  let a: string;
  let b: string;
  const keyRow = (orgId: string, name: string) => ({
    id: newId('key'),
    org_id: orgId,
    name,
    prefix: 'fwk_x',
    secret_hash: newId('h'),
    role: 'viewer' as const,
    created_by: null,
    created_at: '2026-11-25T00:00:00.000Z',
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
  });

  beforeEach(async () => {
    fw = await startFlywheel();
    a = await givenOrg(fw, 'brand');
    b = await givenOrg(fw, 'brand');
    await fw.rt.db
      .insertInto('identity_api_key')
      .values([keyRow(a, 'a1'), keyRow(a, 'a2'), keyRow(b, 'b1')])
      .execute();
  });
  afterEach(() => fw.cleanup());

  it('reads, updates and deletes only the tenant’s rows, even with no filter of the caller', async () => {
    const scope = new TenantScope(fw.rt.db, { orgIds: [a], orgKind: 'brand' });
    expect(
      (await scope.selectFrom('identity_api_key').select('name').orderBy('name').execute()).map(
        (r) => r.name,
      ),
    ).toEqual(['a1', 'a2']);
    const updated = await scope.updateTable('identity_api_key').set({ name: 'renamed' }).executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(2);
    const deleted = await scope.deleteFrom('identity_api_key').executeTakeFirst();
    expect(Number(deleted.numDeletedRows)).toBe(2);
    const left = await fw.rt.db.selectFrom('identity_api_key').select(['org_id', 'name']).execute();
    expect(left).toEqual([{ org_id: b, name: 'b1' }]);
  });

  it('refuses to insert a row for another tenant, and sees nothing with no tenants', async () => {
    const scope = new TenantScope(fw.rt.db, { orgIds: [a], orgKind: 'brand' });
    expect(() => scope.insertInto('identity_api_key', [keyRow(b, 'sneaky')])).toThrow(DomainError);
    expect(
      await new TenantScope(fw.rt.db, { orgIds: [], orgKind: 'brand' })
        .selectFrom('identity_api_key')
        .selectAll()
        .execute(),
    ).toEqual([]);
    expect(
      await new TenantScope(fw.rt.db, 'all').selectFrom('identity_api_key').selectAll().execute(),
    ).toHaveLength(3);
  });
});
