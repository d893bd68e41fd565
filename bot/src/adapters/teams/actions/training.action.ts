import { decideTrainingClaim, logOwnTraining } from '../../../app/training/record-training';
import { trainingCompliance } from '../../../app/training/training-compliance';
import { readTrainingSetup } from '../../../app/training/training-setup';
import { localDate } from '../../../domain/calendar/zoned-time';
import { myTrainingCard, trainingDecidedCard, trainingLoggedCard } from '../cards/training-cards';
import { CardActionFailure, dataString, typedText, type CardActionHandler } from './card-action';
import type { TeamsDeps } from '../teams-deps';
import type { Person } from '../../../domain/people/person';
import { refusal } from '../../refusals';

/** The person's own rows on the standing staff requirement and any staff refreshers. */
export async function myTraining(deps: TeamsDeps, person: Person, message?: string) {
  const today = localDate(deps.clock.now());
  const rows = (await trainingCompliance(deps, today, await readTrainingSetup(deps.stores))).filter(
    (row) => row.audience === 'staff' && row.subjectId === person.id,
  );
  return myTrainingCard(rows, today, message);
}

export const logTrainingAction: CardActionHandler = async ({ deps, actor, data }) => {
  const completedOn = typedText(data, 'completedOn');
  const result = await logOwnTraining(deps, actor, { completedOn, evidence: typedText(data, 'evidence') });
  if (result.status === 'not-permitted') throw new CardActionFailure(refusal(result));
  if (result.status === 'invalid') return myTraining(deps, actor, result.message);
  return trainingLoggedCard(result.record.completedOn);
};

export const decideTrainingAction =
  (confirm: boolean): CardActionHandler =>
  async ({ deps, actor, data }) => {
    const recordId = dataString(data, 'recordId', 12) ?? '';
    const result = await decideTrainingClaim(deps, actor, recordId, confirm, typedText(data, 'reason'));
    if (result.status !== 'ok') throw new CardActionFailure(result.status === 'not-permitted' ? refusal(result) : result.message);
    return trainingDecidedCard(result.record.subjectName, result.record.status === 'confirmed', result.alreadyDecided);
  };
