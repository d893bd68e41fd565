import { PERMISSION_TYPES, type PermissionRequest, type PermissionType } from '../../domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../domain/permission/permission-workflows';
import type { AnyWorkflow } from '../../domain/workflow/workflow';
import type { Collection, FindQuery, Versioned } from '../../ports/collection.port';
import type { PermissionRequestCollection } from '../../ports/stores.port';
import type { RequestCollection, RequestKind } from './request-kinds';

type Indexed = 'requesterId' | 'state' | 'submissionKey';

/**
 * The smaller permissions share one store (one SQLite table, one SharePoint list), each record
 * carrying its type: a type sees only its own records, so a new type needs no store of its own.
 * A page read on another field may come back with fewer items than asked for, and its `next`.
 */
export function permissionStore(all: PermissionRequestCollection, type: PermissionType): Collection<PermissionRequest, Indexed> {
  const own = (record: Versioned<PermissionRequest> | undefined) => (record?.requestType === type ? record : undefined);
  const ownRecord = <R extends { requestType: PermissionType }>(record: R): R => {
    if (record.requestType !== type) throw new Error(`A ${record.requestType} request cannot be stored as a ${type} request.`);
    return record;
  };
  return {
    insert: async (record) => all.insert(ownRecord(record)),
    insertMany: async (records) => all.insertMany(records.map(ownRecord)),
    get: async (id) => own(await all.get(id)),
    update: async (record) => all.update(ownRecord(record)),
    updateMany: async (records) => all.updateMany(records.map(ownRecord)),
    async find(query: FindQuery<PermissionRequest, Indexed>) {
      if (!query.where && !query.atLeast) return all.find({ ...query, where: { requestType: type } });
      const page = await all.find(query);
      return { ...page, items: page.items.filter((record) => record.requestType === type) };
    },
  };
}

/** Each smaller permission's part in the app: its definition and its share of the one store. */
export const PERMISSION_KINDS = Object.fromEntries(
  PERMISSION_TYPES.map((type) => [
    type,
    {
      workflow: PERMISSION_WORKFLOWS[type] as unknown as AnyWorkflow,
      store: (stores) => permissionStore(stores.permissionRequests, type) as unknown as RequestCollection,
      storeName: 'permissionRequests',
    },
  ]),
) as Record<PermissionType, RequestKind>;
