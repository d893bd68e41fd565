/**
 * Photo and video consent (Social Media Policy s.4): given separately for images and for videos
 * on school accounts, valid while the pupil is at the school, amended or withdrawn by parents in
 * writing from the date the school receives it. History is a list of events, never rewritten.
 */
export type Media = 'images' | 'videos';
export const MEDIA: readonly Media[] = ['images', 'videos'];

export type ConsentDecision = 'given' | 'refused';

export interface ConsentEvent {
  id: string;
  pupilId: string;
  media: Media;
  decision: ConsentDecision;
  /** The date the form or the written notice was received: the decision applies from then on. */
  effectiveFrom: string;
  source: 'consent form' | 'written notice';
  recordedBy: string;
  recordedAt: string;
}

export type ConsentState = 'given' | 'refused' | 'withdrawn' | 'none';

/**
 * The consent for one pupil and one medium on a date: the latest decision received on or before
 * that day. A refusal that follows a consent is a withdrawal; with no record at all there is no
 * consent (the school only posts pupils for whom consent has been received).
 */
export function consentOn(events: readonly ConsentEvent[], pupilId: string, media: Media, date: string): ConsentState {
  const applicable = events
    .filter((event) => event.pupilId === pupilId && event.media === media && event.effectiveFrom.slice(0, 10) <= date.slice(0, 10))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.recordedAt.localeCompare(b.recordedAt));
  const latest = applicable.at(-1);
  if (!latest) return 'none';
  if (latest.decision === 'given') return 'given';
  return applicable.slice(0, -1).some((event) => event.decision === 'given') ? 'withdrawn' : 'refused';
}
