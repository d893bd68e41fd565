/** Data minimisation (s.4): a pupil record holds these fields and nothing else. */
export interface Pupil {
  id: string;
  /** The school's own reference from its MIS export, so a re-import updates instead of duplicating. */
  misReference?: string;
  displayName: string;
  className: string;
  yearGroup: string;
  onRollFrom: string;
  onRollTo?: string;
}
