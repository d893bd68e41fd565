import type { AdaptiveCard, Tone } from './cards/card-elements';
import { concernFormCard, type ConcernFormModel, type ConcernFormValues } from './cards/incident-cards';
import { pupilChoices } from './pupil-choices';
import type { TeamsDeps } from './teams-deps';

/**
 * The "report a concern" form with its pupil picker filled in from the roster. A concern must be
 * reportable even when the roster cannot be read: the form then comes without the picker.
 */
export async function concernForm(
  deps: Pick<TeamsDeps, 'stores' | 'clock' | 'newKey'>,
  options: {
    surface: 'chat' | 'dialog';
    submissionKey?: string;
    values?: ConcernFormValues;
    errors?: ConcernFormModel['errors'];
    banner?: { text: string; tone: Tone };
  },
): Promise<AdaptiveCard> {
  const values = options.values ?? {};
  const roster = await pupilChoices(deps, values).catch(() => undefined);
  return concernFormCard({
    submissionKey: options.submissionKey ?? deps.newKey(),
    today: deps.clock.now().toISOString(),
    values,
    errors: { ...(roster?.classesError ? { classes: roster.classesError } : {}), ...options.errors },
    surface: options.surface,
    ...(options.banner ? { banner: options.banner } : {}),
    ...(roster ? { pupils: { classes: roster.classes, pupilChoices: roster.pupilChoices } } : {}),
  });
}
