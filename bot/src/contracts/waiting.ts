/** `GET /api/waiting`: everything that waits for the person, for the *Waiting for me* page. */

/** The kinds of record that can wait for someone, as the server names them. */
export type WaitingRecordType =
  | 'accessRequest'
  | 'postingRequest'
  | 'takedown'
  | 'trainingRecord'
  | 'staffPersonalAccount'
  | 'pupilWifi'
  | 'accountPassword'
  | 'reviewAction';

/** One thing waiting for the person, with the steps they may take on it now. */
export interface WaitingItem {
  recordType: WaitingRecordType;
  recordId: string;
  /** "A-12", "P-7", "T-3", "TR-5": how people refer to it. */
  reference: string;
  title: string;
  from?: string;
  since: string;
  steps: string[];
  /** The version shown: a step sent with it is refused if the record has changed since. */
  version: number;
  /** What the person needs to act from the list itself (a takedown's pupil and post, a training's date and evidence). */
  facts?: Record<string, string>;
}

export interface Waiting {
  /** Newest first. */
  items: WaitingItem[];
  counts: Record<WaitingRecordType, number>;
}
