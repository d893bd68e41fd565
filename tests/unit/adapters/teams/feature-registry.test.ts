/**
 * The Teams features are declared in one registry: every card verb goes to one handler, every
 * request step's button has one, a typed message finds the command it asks for, and a reminder about
 * any kind of record offers a way to act on it.
 */
import { CARD_ACTIONS, commandFor, FEATURES, RECORD_FEATURES } from '../../../../bot/src/adapters/teams/features/registry';
import { reminderCard } from '../../../../bot/src/adapters/teams/cards/reminder-card';
import { REQUEST_SPECS } from '../../../../bot/src/adapters/teams/requests/request-specs';
import { requestVerbs } from '../../../../bot/src/adapters/teams/requests/request-card';
import { RECORD_TYPES, REQUEST_TYPES, type RecordType } from '../../../../bot/src/domain/records/record-type';
import { buttons, inputIds } from '../../../fixtures/cards';

describe('the feature registry', () => {
  it('gives each card verb to one feature only', () => {
    const verbs = FEATURES.flatMap((feature) => Object.keys(feature.actions ?? {}));
    expect(verbs.length).toBe(new Set(verbs).size);
    expect(CARD_ACTIONS.size).toBe(verbs.length);
  });

  it.each(REQUEST_TYPES)('routes every button and form of a %s to a handler', (type) => {
    const spec = REQUEST_SPECS[type];
    const verbs = [...Object.values(spec.card.buttons).map((button) => button.verb), ...Object.values(requestVerbs(type))];
    expect(verbs.filter((verb) => !CARD_ACTIONS.has(verb))).toEqual([]);
  });

  it.each([
    ['request access', 'accessRequest'],
    ['please unblock youtube', 'accessRequest'],
    ['can I post on facebook about sports day', 'postingRequest'],
    ['report a concern about a blocked website', 'concerns'],
    ['take down a post on instagram', 'takedowns'],
    ['help me report a concern', 'help'],
    ['hello, I need to request access', 'help'],
    ['my requests', 'my requests'],
    ['status', 'my requests'],
    ['i did my training yesterday', 'training'],
    ['consent 4b', 'consent'],
  ])('"%s" is for %s (the command that matches earliest in what was typed)', (typed, feature) => {
    const command = commandFor(typed);
    expect(FEATURES.find((candidate) => candidate.commands?.includes(command!))?.name).toBe(feature);
  });

  it('answers nothing it does not know', () => {
    expect(commandFor('can i borrow a laptop')).toBeUndefined();
  });

  /** What a reminder about each kind of record offers: the verb of its button, and any input. */
  const REMINDER_OFFERS: Record<RecordType, { verbs: string[]; inputs: string[] }> = {
    accessRequest: { verbs: ['openAccessRequest'], inputs: [] },
    postingRequest: { verbs: ['openPostingRequest'], inputs: [] },
    takedown: { verbs: ['openTakedown'], inputs: [] },
    trainingRecord: { verbs: ['confirmTraining', 'rejectTraining'], inputs: ['reason'] },
    staffPersonalAccount: { verbs: ['openStaffPersonalAccount'], inputs: [] },
    pupilWifi: { verbs: ['openPupilWifi'], inputs: [] },
    accountPassword: { verbs: ['openAccountPassword'], inputs: [] },
  };

  it.each(RECORD_TYPES)('a reminder about a %s offers a way to act on it', (recordType) => {
    const card = reminderCard(
      { title: 'Waiting for you', lines: [], tone: 'warning', act: { label: 'Open', record: { recordType, recordId: '7' } } },
      (view) => view,
    ) as unknown as Record<string, unknown>;
    expect({ verbs: buttons(card).map((button) => button.verb), inputs: inputIds(card) }).toEqual(REMINDER_OFFERS[recordType]);
    expect(RECORD_FEATURES[recordType].recordType).toBe(recordType);
  });

  it('reads a reminder stored before pointers were {recordType, recordId} (a SharePoint list keeps it as written)', () => {
    const earlier = {
      title: 'A post still needs taking down',
      lines: [],
      tone: 'attention' as const,
      act: { label: 'Open the task', takedownId: '12' },
    };
    expect(buttons(reminderCard(earlier as never, (view) => view) as unknown as Record<string, unknown>)).toEqual([
      expect.objectContaining({ verb: 'openTakedown', data: { taskId: '12' } }),
    ]);
  });
});
