import type { ReadinessChecks } from './app/readiness/check-readiness';
import { finding } from './domain/readiness/readiness';
import type { Config } from './config';
import type { Clock } from './ports/clock.port';
import type { Directory } from './ports/directory.port';
import type { Stores } from './ports/stores.port';

export interface ReadinessContext {
  config: Config;
  stores: Stores;
  directory: Directory;
  clock: Clock;
}

/**
 * The go-live checklist's checks for how this copy of the app runs, for the server
 * (`/api/readiness`, `/healthz?detail`) and for `npm run readiness`.
 */
export function readinessChecks({ stores }: ReadinessContext): ReadinessChecks {
  return {
    school: async () => {
      const school = (await stores.school.find({ limit: 1 })).items[0];
      return school?.name.trim()
        ? finding('school', 'green', `The school is named "${school.name}"; staff are told to ask ${school.contactForAccess}.`)
        : finding('school', 'red', 'The school has no name yet, so cards say "your school".', "Enter the school's name and contact on the School settings page.");
    },
  };
}
