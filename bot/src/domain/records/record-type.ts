import { PERMISSION_TYPES } from '../permission/permission-request';

/** The requests run by the approval engine, each defined once (domain/workflow). */
export const REQUEST_TYPES = ['accessRequest', 'postingRequest', ...PERMISSION_TYPES] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * Every kind of record people are asked to act on in Teams, each with its own card: the requests,
 * takedown tasks (s.4) and logged training waiting for confirmation (s.11).
 */
export const RECORD_TYPES = [...REQUEST_TYPES, 'takedown', 'trainingRecord'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** One record, wherever a message or a list points at it. */
export interface RecordRef {
  recordType: RecordType;
  recordId: string;
}

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}
