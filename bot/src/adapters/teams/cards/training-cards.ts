import type { ComplianceRow } from '../../../app/training/training-compliance';
import { longDate } from '../../../domain/calendar/dates';
import { adaptiveCard, executeAction, heading, notice, richText, text, textInput, type AdaptiveCard } from './card-elements';

export const VERB_LOG_TRAINING = 'logTraining';
export const VERB_CONFIRM_TRAINING = 'confirmTraining';
export const VERB_REJECT_TRAINING = 'rejectTraining';

const STATUS_LABEL = { upToDate: 'Up to date', dueSoon: 'Due soon', overdue: 'Overdue' } as const;

/** "my training": where the person stands, and a form to log a completion for the online safety lead to confirm. */
export function myTrainingCard(rows: ComplianceRow[], today: string, message?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Your online safety training'),
      ...(message ? [notice(message, 'warning')] : []),
      ...rows.map((row) =>
        richText([
          { text: row.requirementTitle, bold: true },
          ` — ${STATUS_LABEL[row.status]}`,
          row.due ? `, due ${longDate(row.due)}` : '',
          row.lastCompletedOn ? ` (last done ${longDate(row.lastCompletedOn)})` : '',
        ]),
      ),
      text('Done it? Tell me when, and how it can be checked; the online safety lead confirms it (Social Media Policy section 11).', {
        spacing: 'Medium',
      }),
      {
        type: 'Input.Date',
        id: 'completedOn',
        label: 'Completed on',
        value: today,
        max: today,
        isRequired: true,
        errorMessage: 'Give the date you did it.',
      },
      textInput('evidence', 'Evidence (certificate link or a note)', {
        maxLength: 1000,
        placeholder: 'e.g. https://… certificate, or "INSET day session"',
      }),
    ],
    { actions: [executeAction("I've done it", VERB_LOG_TRAINING, {}, { style: 'positive' })] },
  );
}

export function trainingLoggedCard(completedOn: string): AdaptiveCard {
  return adaptiveCard([
    heading('Thank you'),
    text(`Your training on ${longDate(completedOn)} is saved and sent to the online safety lead to confirm.`),
  ]);
}

export function trainingDecidedCard(name: string, confirmed: boolean, alreadyDecided: boolean): AdaptiveCard {
  const outcome = confirmed ? 'confirmed' : 'not confirmed';
  return adaptiveCard([
    heading(alreadyDecided ? 'Already decided' : 'Done'),
    richText([alreadyDecided ? 'This was already decided: ' : 'Training ', { text: name, bold: true }, ` — ${outcome}.`]),
  ]);
}
