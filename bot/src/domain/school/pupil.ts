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

/**
 * Whether the pupil is on the school's roll on that day, the day of admission and the day of
 * leaving included. Only the day counts, whatever time a store keeps with it.
 */
export function onRollOn(pupil: Pick<Pupil, 'onRollFrom' | 'onRollTo'>, date: string): boolean {
  const day = date.slice(0, 10);
  return pupil.onRollFrom.slice(0, 10) <= day && (!pupil.onRollTo || day <= pupil.onRollTo.slice(0, 10));
}

/** The school's classes now: those of pupils who have not left, sorted (pupils admitted later count). */
export function currentClasses(pupils: readonly Pick<Pupil, 'className' | 'onRollTo'>[]): string[] {
  return [...new Set(pupils.filter((pupil) => !pupil.onRollTo).map((pupil) => pupil.className))].sort();
}
