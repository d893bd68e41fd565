import type { Person } from '../../domain/people/person';
import { RECORD_TYPES, type RecordType } from '../../domain/records/record-type';
import type { AppDeps } from '../app-deps';

/**
 * The kinds of record that can wait for someone (every kind people act on): each has one provider.
 * The actions agreed at the filtering review have no card of their own: they are acted on in the tab.
 */
export const WAITING_RECORD_TYPES = [...RECORD_TYPES, 'reviewAction'] as const;

export type WaitingRecordType = RecordType | 'reviewAction';

/** One record that waits for the person asking, and the steps they may take on it now. */
export interface WaitingItem {
  recordType: WaitingRecordType;
  recordId: string;
  /** "A-12", "P-7", "T-3", "TR-5": how people refer to it. */
  reference: string;
  /** What it is about, as the record holds it (the site's address, the post, the training): data, shown as it is. */
  title: string;
  /** Who it comes from: the requester, or the person whose training it is. */
  from?: string;
  /** Since when it has waited (its last step, or when it was made). */
  since: string;
  /** The steps this person may take on it now: the verbs of its record type's use case. */
  steps: string[];
  /** The version shown, so that a step taken on it is refused if the record has changed since. */
  version: number;
  /** What the person needs to act from the list itself (a takedown's pupil and post, a training's date and evidence): data only. */
  facts?: Record<string, string>;
}

/** Everything of one kind that waits for the person. A provider is read-only and never audits. */
export type WaitingProvider = (deps: AppDeps, person: Person) => Promise<WaitingItem[]>;
