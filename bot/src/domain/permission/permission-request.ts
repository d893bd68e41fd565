import type { Decision } from '../workflow/common-steps';
import type { RequestRecord, Signature } from '../workflow/workflow';

/**
 * The policy's smaller permissions (s.5, s.7): each a request type of its own, all kept alike. The
 * headteacher decides with reasons; then someone completes it (the online safety lead applies the
 * network controls, or the requester confirms the password was changed).
 */
export const PERMISSION_TYPES = ['staffPersonalAccount', 'pupilWifi', 'accountPassword'] as const;
export type PermissionType = (typeof PERMISSION_TYPES)[number];

export const PERMISSION_STATES = ['withHeadteacher', 'approved', 'completed', 'refused', 'withdrawn'] as const;
export type PermissionState = (typeof PERMISSION_STATES)[number];

export type PermissionStep = 'approve' | 'refuse' | 'complete' | 'withdraw';

/** What the form said, checked, with the names of what it refers to (a class, a school account, a person) looked up. */
export type PermissionDetails = Record<string, string>;

export interface PermissionRequest extends RequestRecord<PermissionState, PermissionStep | 'submit'> {
  requestType: PermissionType;
  details: PermissionDetails;
  decision?: Decision;
  completed?: { note: string; signature: Signature };
}

export type PermissionAction =
  { type: 'approve'; reasons?: string } | { type: 'refuse'; reasons?: string } | { type: 'complete'; note?: string } | { type: 'withdraw' };

export function isPermissionType(value: string): value is PermissionType {
  return (PERMISSION_TYPES as readonly string[]).includes(value);
}
