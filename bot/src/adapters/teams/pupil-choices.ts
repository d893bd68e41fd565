import { rosterSnapshot } from '../../app/roster-snapshot';
import { today } from '../../domain/calendar/zoned-time';
import { onRollOn } from '../../domain/school/pupil';
import type { Stores } from '../../ports/stores.port';
import type { Clock } from '../../ports/clock.port';
import { MAX_CLASSES_SHOWN, type PupilPickerModel } from './cards/pupil-picker';

/**
 * The classes on roll today, and the pupils of the classes chosen (plus anyone already ticked, so a
 * tick is never lost), for a form's pupil picker. Choosing too many classes at once is an error on
 * the classes field, and the first classes are shown.
 */
export async function pupilChoices(
  deps: { stores: Stores; clock: Clock },
  values: { classes?: string; pupilIds?: string },
): Promise<Pick<PupilPickerModel, 'classes' | 'pupilChoices'> & { classesError?: string }> {
  const day = today(deps.clock);
  const onRoll = (await rosterSnapshot(deps)).filter((pupil) => onRollOn(pupil, day));
  let chosen = listOf(values.classes);
  const classesError =
    chosen.length > MAX_CLASSES_SHOWN
      ? `Choose at most ${MAX_CLASSES_SHOWN} classes at a time; pupils already ticked stay ticked.`
      : undefined;
  chosen = chosen.slice(0, MAX_CLASSES_SHOWN);
  const ticked = new Set(listOf(values.pupilIds));
  return {
    classes: [...new Set(onRoll.map((pupil) => pupil.className))].sort(),
    pupilChoices: onRoll
      .filter((pupil) => chosen.includes(pupil.className) || ticked.has(pupil.id))
      .sort((a, b) => a.className.localeCompare(b.className) || a.displayName.localeCompare(b.displayName))
      .map(({ id, displayName, className }) => ({ id, displayName, className })),
    ...(classesError ? { classesError } : {}),
  };
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
