import type { SchoolCalendar } from '../../domain/calendar/school-calendar';
import { refresherRequirement, toRequirement, type TrainingRequirement } from '../../domain/training/training-requirement';
import { readAll } from '../read-all';
import type { Stores } from '../../ports/stores.port';
import { readTermDates } from '../settings/term-dates';
import { readRequirementRecords } from '../settings/training-requirements';

/** What due dates are worked out from: the standing requirements in force, and the term dates. */
export interface TrainingSetup {
  requirements: TrainingRequirement[];
  calendar: SchoolCalendar;
}

/** Read from the store once per request or job run, never per person or row. */
export async function readTrainingSetup(stores: Pick<Stores, 'trainingRequirements' | 'termDates'>): Promise<TrainingSetup> {
  const [records, { calendar }] = await Promise.all([readRequirementRecords(stores), readTermDates(stores)]);
  return { requirements: records.filter((record) => !record.retired).map(toRequirement), calendar };
}

/** Every requirement training can be recorded against now, by id: the standing ones in force and the DSL's refreshers. */
export async function recordableRequirements(
  stores: Pick<Stores, 'trainingRequirements' | 'refreshers'>,
): Promise<Map<string, TrainingRequirement>> {
  const [records, refreshers] = await Promise.all([
    readRequirementRecords(stores),
    readAll((cursor) => stores.refreshers.find({ limit: 200, ...(cursor ? { cursor } : {}) })),
  ]);
  const all = [...records.filter((record) => !record.retired).map(toRequirement), ...refreshers.map(refresherRequirement)];
  return new Map(all.map((requirement) => [requirement.id, requirement]));
}
