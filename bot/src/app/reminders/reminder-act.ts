import { isRecordType, type RecordRef, type RecordType } from '../../domain/records/record-type';
import type { ReminderAct } from '../../ports/outbox.port';

/** Before a reminder pointed at `{recordType, recordId}` it carried one id field per record type. */
const EARLIER_FIELDS: Record<string, RecordType> = {
  accessRequestId: 'accessRequest',
  postingRequestId: 'postingRequest',
  takedownId: 'takedown',
  confirmTrainingId: 'trainingRecord',
};

/**
 * The record a reminder points at. Entries stored before the pointer changed are still read: the
 * SQLite migration rewrites them, but a SharePoint list keeps its items as they were written.
 */
export function actRecord(act: ReminderAct | undefined): RecordRef | undefined {
  if (!act) return undefined;
  if (act.record && isRecordType(act.record.recordType)) return act.record;
  const earlier = act as ReminderAct & Record<string, unknown>;
  for (const [field, recordType] of Object.entries(EARLIER_FIELDS)) {
    const recordId = earlier[field];
    if (typeof recordId === 'string') return { recordType, recordId };
  }
  return undefined;
}
