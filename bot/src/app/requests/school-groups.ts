import { currentClasses, currentYearGroups } from '../../domain/school/pupil';
import type { Stores } from '../../ports/stores.port';
import { readAll } from '../read-all';

/** The classes and year groups a site can be opened for: those of the pupils on roll now. */
export async function schoolGroups(stores: Pick<Stores, 'pupils'>): Promise<{ classes: string[]; yearGroups: string[] }> {
  const pupils = await readAll((cursor) => stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
  return { classes: currentClasses(pupils), yearGroups: currentYearGroups(pupils) };
}
