export type ConsentState = 'given' | 'refused' | 'withdrawn' | 'none';

/** `GET /api/consent?className=`: one class's photo and video consent. */
export interface ClassConsent {
  status: 'ok' | 'unknown-class';
  className?: string;
  classes?: string[];
  pupils?: { pupilId: string; displayName: string; consent: { images: ConsentState; videos: ConsentState } }[];
}

export interface ConsentEvent {
  id: string;
  media: 'images' | 'videos';
  decision: 'given' | 'refused';
  effectiveFrom: string;
  source: string;
  recordedBy: string;
}
