import type { ChronologyEntry, Incident } from '../domain/incidents/incident';
import type { IncidentQuery } from '../domain/incidents/incident-query';
import type { Collection, Versioned } from './collection.port';

/** Incidents: a collection, plus the Incidents tab's search (filters, text, sort, visibility scope). */
export type IncidentIndexedField = 'status' | 'category' | 'routedTo' | 'submissionKey' | 'assigneeId' | 'nobodyToldYet';

export interface IncidentStore extends Collection<Incident, IncidentIndexedField> {
  /**
   * One page of the incidents that match, in the query's order, and how many match in all. Must
   * agree with `matchesIncident` and `compareIncidents` (the store contract checks it).
   */
  search(query: IncidentQuery): Promise<{ items: Versioned<Incident>[]; total: number }>;
}

/** An incident's chronology. Append-only: there is no way to change or remove an entry. */
export interface ChronologyStore {
  append(entry: Omit<ChronologyEntry, 'id'>): Promise<ChronologyEntry>;
  /** Every entry of the incident, oldest first. */
  forIncident(incidentId: string): Promise<ChronologyEntry[]>;
}
