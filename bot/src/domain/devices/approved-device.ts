import { z } from 'zod';
import { isIsoDate } from '../calendar/dates';
import { requiredText } from '../validation/typed-text';

/**
 * Policy s.4: images of pupils are taken only on school devices that the online safety lead has
 * approved. The register records each device, who approved it and when; a device that is no
 * longer used is retired, never deleted, so older requests still say what they were taken on.
 */
export type DeviceType = 'tablet' | 'camera' | 'phone' | 'laptop' | 'other';
export const DEVICE_TYPES: readonly DeviceType[] = ['tablet', 'camera', 'phone', 'laptop', 'other'];
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  tablet: 'Tablet',
  camera: 'Camera',
  phone: 'Phone',
  laptop: 'Laptop',
  other: 'Other',
};

export interface ApprovedDevice {
  id: string;
  name: string;
  type: DeviceType;
  approvedById: string;
  approvedByName: string;
  approvedOn: string;
  active: boolean;
  retired?: { on: string; byId: string; byName: string };
}

/** Short names ("Class 4B iPad"): the posting form lists the devices on a card of limited size. */
export const DEVICE_LIMITS = { name: 40 } as const;

const isoDate = z
  .string({ error: 'Enter the date the device was approved.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date the device was approved, for example 2026-09-01.')
  // zod runs a refinement even after the pattern failed: isIsoDate answers false for any text, where
  // `new Date('03/09/2025T00:00:00Z').toISOString()` threw and the form got a server error.
  .refine(isIsoDate, 'That date does not exist.');

export const deviceInputSchema = z.object({
  name: requiredText('The device name', DEVICE_LIMITS.name),
  type: z.enum(DEVICE_TYPES as [DeviceType, ...DeviceType[]], { error: 'Choose the type of device.' }),
  approvedOn: isoDate,
});

export type DeviceInput = z.infer<typeof deviceInputSchema>;
export type DeviceField = keyof DeviceInput;

/** Checks a new device; each wrong field gets its own message. Approval is never dated in the future. */
export function validateDeviceInput(
  raw: unknown,
  today: string,
): { ok: true; value: DeviceInput } | { ok: false; errors: Partial<Record<DeviceField, string>> } {
  const parsed = deviceInputSchema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
  if (parsed.success && parsed.data.approvedOn > today)
    return { ok: false, errors: { approvedOn: "A device cannot be approved in the future: use today's date or an earlier one." } };
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<DeviceField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as DeviceField] ??= issue.message;
  return { ok: false, errors };
}

export function deviceLabel(device: Pick<ApprovedDevice, 'name' | 'type'>): string {
  return `${device.name} (${DEVICE_TYPE_LABELS[device.type].toLowerCase()})`;
}
