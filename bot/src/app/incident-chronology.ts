import type { ChronologyEntry } from '../domain/incidents/incident';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';

/** Adds a line to an incident's chronology: who, when, what. Lines are never changed afterwards. */
export async function appendChronology(
  deps: Pick<AppDeps, 'stores' | 'clock'>,
  incidentId: string,
  by: Pick<Person, 'id' | 'displayName'>,
  kind: ChronologyEntry['kind'],
  text: string,
): Promise<ChronologyEntry> {
  // The change the line records is usually saved already: a passing blip must not lose the line.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.stores.incidentChronology.append({
        incidentId,
        at: deps.clock.now().toISOString(),
        byId: by.id,
        byName: by.displayName,
        kind,
        text,
      });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
