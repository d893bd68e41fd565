import { may } from '../domain/authorization/permissions';
import { validateDeviceInput, type ApprovedDevice, type DeviceField } from '../domain/devices/approved-device';
import { localDate } from '../domain/calendar/zoned-time';
import type { Person } from '../domain/people/person';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';
import { refused, type Refused } from './outcome';

/** The register of approved devices (s.4), in use first, for every member of staff to read. */
export async function listDevices(
  deps: AppDeps,
  person: Person,
): Promise<Refused | { status: 'ok'; devices: Versioned<ApprovedDevice>[] }> {
  if (!may(person, 'device.view')) return refused('device.view');
  const devices = await readAll((cursor) => deps.stores.devices.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
  return { status: 'ok', devices: devices.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)) };
}

/** The devices a request to post may name: those in use now. */
export async function devicesInUse(deps: Pick<AppDeps, 'stores'>): Promise<Versioned<ApprovedDevice>[]> {
  return (await readAll((cursor) => deps.stores.devices.find({ where: { active: true }, limit: 500, ...(cursor ? { cursor } : {}) }))).sort(
    (a, b) => a.name.localeCompare(b.name),
  );
}

export type ApproveDeviceResult =
  { status: 'ok'; device: Versioned<ApprovedDevice> } | Refused | { status: 'invalid'; errors: Partial<Record<DeviceField, string>> };

/** The online safety lead approves a device; they are recorded as the approver (s.4). */
export async function approveDevice(deps: AppDeps, person: Person, raw: unknown): Promise<ApproveDeviceResult> {
  if (!may(person, 'device.manage')) {
    await recordAudit(deps, person, {
      action: 'device.approve.denied',
      recordType: 'device',
      recordId: '-',
      summary: 'Approval refused: the person is not the online safety lead',
    });
    return refused('device.manage');
  }
  const input = validateDeviceInput(raw, localDate(deps.clock.now()));
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const device = await deps.stores.devices.insert({
    ...input.value,
    approvedById: person.id,
    approvedByName: person.displayName,
    active: true,
  });
  await recordAudit(deps, person, {
    action: 'device.approved',
    recordType: 'device',
    recordId: device.id,
    summary: `Device approved for photos and videos (${device.type})`,
  });
  return { status: 'ok', device };
}

export type RetireDeviceResult =
  | { status: 'ok'; device: Versioned<ApprovedDevice> }
  | Refused
  | { status: 'not-found' }
  | { status: 'stale'; device: Versioned<ApprovedDevice> };

/** Retires a device: never deleted, so requests that named it still say what it was. */
export async function retireDevice(deps: AppDeps, person: Person, id: string, seenVersion: number): Promise<RetireDeviceResult> {
  if (!may(person, 'device.manage')) {
    await recordAudit(deps, person, {
      action: 'device.retire.denied',
      recordType: 'device',
      recordId: id,
      summary: 'Retirement refused: the person is not the online safety lead',
    });
    return refused('device.manage');
  }
  const current = await deps.stores.devices.get(id);
  if (!current) return { status: 'not-found' };
  if (current.version !== seenVersion) return { status: 'stale', device: current };
  if (!current.active) return { status: 'ok', device: current };
  try {
    const device = await deps.stores.devices.update({
      ...current,
      active: false,
      retired: { on: localDate(deps.clock.now()), byId: person.id, byName: person.displayName },
    });
    await recordAudit(deps, person, {
      action: 'device.retired',
      recordType: 'device',
      recordId: device.id,
      summary: 'Device retired: no longer approved for photos and videos',
    });
    return { status: 'ok', device };
  } catch (error) {
    if (!(error instanceof StaleRecordError)) throw error;
    const latest = await deps.stores.devices.get(id);
    if (!latest) return { status: 'not-found' };
    return { status: 'stale', device: latest };
  }
}
