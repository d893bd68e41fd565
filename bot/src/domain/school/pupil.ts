/** Data minimisation (s.4): a pupil record holds these fields and nothing else. */
export interface Pupil {
  id: string;
  displayName: string;
  className: string;
  yearGroup: string;
  onRollFrom: string;
  onRollTo?: string;
}
