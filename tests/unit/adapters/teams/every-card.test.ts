/**
 * Every card the app can send parses with the `adaptivecards` library without warnings, declares
 * schema 1.5 and stays well under Teams' 40 KB message limit even with every field at its longest.
 */
import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import { accessRequestCard } from '../../../../bot/src/adapters/teams/cards/access-request-card';
import { accessRequestFormCard } from '../../../../bot/src/adapters/teams/cards/access-request-form-card';
import { helpCard, messageCard, myRequestsCard } from '../../../../bot/src/adapters/teams/cards/simple-cards';
import { classConsentCard } from '../../../../bot/src/adapters/teams/cards/class-consent-card';
import { reminderCard } from '../../../../bot/src/adapters/teams/cards/reminder-card';
import { myTrainingCard, trainingDecidedCard, trainingLoggedCard } from '../../../../bot/src/adapters/teams/cards/training-cards';
import { ACCESS_REQUEST_STATES, type AccessActionType, type AccessRequest } from '../../../../bot/src/domain/access/access-request';
import { ACCESS_STEP_RULES } from '../../../../bot/src/domain/access/access-request-rules';
import { LIMITS } from '../../../../bot/src/domain/access/access-request-input';
import type { Versioned } from '../../../../bot/src/ports/collection.port';
import { postingRequestCard } from '../../../../bot/src/adapters/teams/cards/posting-request-card';
import { postingRequestFormCard } from '../../../../bot/src/adapters/teams/cards/posting-request-form-card';
import { takedownCard, takedownListCard, type TakedownView } from '../../../../bot/src/adapters/teams/cards/takedown-card';
import { POSTING_STATE_LABELS, POSTING_STEP_RULES, type PostingRequest, type PostingState, type PostingStep } from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_LIMITS } from '../../../../bot/src/domain/posting/posting-request-input';
import { concernFormCard, concernSavedCard } from '../../../../bot/src/adapters/teams/cards/incident-cards';
import { NEW_CONCERN_NOTICE } from '../../../../bot/src/app/announce-concern';
import { INCIDENT_LIMITS } from '../../../../bot/src/domain/incidents/incident-input';

const longest = (limit: number) => 'Lorem ipsum dolor sit amet, '.repeat(Math.ceil(limit / 28)).slice(0, limit);
const signature = { personId: '3', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022', at: '2026-11-24T10:00:00Z' };

function fullRequest(state: AccessRequest['state']): Versioned<AccessRequest> {
  return {
    id: '123456',
    version: 12345,
    submissionKey: 'k',
    requesterId: '1',
    requesterName: 'Alex Wilber',
    submittedAt: '2026-11-20T09:00:00Z',
    url: `https://example.org/${longest(LIMITS.url - 20)}`,
    siteContent: longest(LIMITS.siteContent),
    reasons: longest(LIMITS.reasons),
    risksAndControls: longest(LIMITS.risksAndControls),
    state,
    leadReview: { outcome: 'forwarded', note: longest(LIMITS.note), addedRisksAndControls: longest(LIMITS.note), signature },
    decision: { approved: state !== 'refused', reasons: longest(LIMITS.note), signature },
    actioned: { note: longest(LIMITS.note), signature },
    history: [],
    updatedAt: '2026-11-24T10:00:00Z',
  };
}

/** Every button anyone could have on the card in this state (a person holding every role). */
const stepsIn = (state: AccessRequest['state']) => (Object.keys(ACCESS_STEP_RULES) as AccessActionType[]).filter((step) => ACCESS_STEP_RULES[step].from.includes(state));

const longName = (i: number) => `Pupil-With-A-Long-Name ${i} O'Sullivan-Smythe`;

/** A posting request at its largest: the longest text, the most pupils, every pupil failing both checks. */
function fullPostingRequest(state: PostingState): Versioned<PostingRequest> {
  const pupils = Array.from({ length: POSTING_LIMITS.pupils }, (_, i) => ({ id: String(1000 + i), displayName: longName(i), className: '4B' }));
  return {
    id: '123456',
    version: 12345,
    submissionKey: 'k',
    requesterId: '1',
    requesterName: 'Alex Wilber',
    submittedAt: '2026-11-20T09:00:00Z',
    kind: 'post',
    accountId: '1',
    accountLabel: `X @${longest(90)}`,
    text: longest(POSTING_LIMITS.text),
    media: ['images', 'videos'],
    pupils,
    groupLabel: longest(POSTING_LIMITS.groupLabel),
    facesBlurred: true,
    postingDate: '2026-12-01',
    state,
    checks: pupils.flatMap((pupil) => ['images', 'videos'].map((media) => ({ check: 'consent' as const, message: `${pupil.displayName} (4B): consent was withdrawn for ${media}. Remove them from the ${media}, or blur them and leave them out of the pupils shown.` }))),
    checkedAt: '2026-11-24T10:00:00Z',
    decision: { approved: state !== 'refused', reasons: longest(1000), signature },
    posted: { link: `https://x.example/${longest(POSTING_LIMITS.link - 20)}`, postId: '9', signature },
    history: [],
    updatedAt: '2026-11-24T10:00:00Z',
  };
}

const postingStepsIn = (state: PostingState) => (Object.keys(POSTING_STEP_RULES) as PostingStep[]).filter((step) => POSTING_STEP_RULES[step].from.includes(state));

const takedown = (i: number): TakedownView => ({
  task: { id: String(i), version: 1, postId: '9', pupilId: '1', media: 'images', noticeId: '3', ownerId: '5', status: 'to do', reason: '', updatedAt: '2026-11-24T10:00:00Z' },
  link: `https://x.example/${longest(300)}`,
  accountLabel: `X @${longest(90)}`,
  postedOn: '2026-06-15',
  pupilName: `${longName(i)} (4B)`,
  noticeReceived: '2026-11-24',
});

const CARDS: [string, object][] = [
  ['help', helpCard('Riverside Community Primary School (demo)', 'personal', 'Alex')],
  ['help in a group chat or channel', helpCard('Riverside Community Primary School (demo)', 'shared')],
  ['message', messageCard('Sorry, I didn\'t understand that.', 'Title')],
  ['my requests (empty)', myRequestsCard([], false)],
  ['my requests (ten, longest URLs)', myRequestsCard(Array.from({ length: 10 }, () => fullRequest('withHeadteacher')), true)],
  [
    'class consent (30 pupils, long names)',
    classConsentCard('4B', '2026-11-24', Array.from({ length: 30 }, (_, i) => ({ pupilId: String(i), displayName: `Pupil-With-A-Long-Name Number ${i} O'Sullivan-Smythe`, consent: { images: i % 3 ? 'given' : 'withdrawn', videos: i % 4 ? 'given' : 'none' } }))),
  ],
  ['form (new)', accessRequestFormCard({ requesterName: 'Alex Wilber', today: '2026-11-24T10:00:00Z', target: { submissionKey: 'k' } })],
  [
    'form (every field at its longest, every error)',
    accessRequestFormCard({
      requesterName: 'Alex Wilber',
      today: '2026-11-24T10:00:00Z',
      target: { requestId: '7' },
      values: { url: longest(LIMITS.url), siteContent: longest(LIMITS.siteContent), reasons: longest(LIMITS.reasons), risksAndControls: longest(LIMITS.risksAndControls) },
      errors: { url: 'Enter the full web address.', siteContent: 'Required.', reasons: 'Required.', risksAndControls: 'Required.' },
      banner: { text: 'Please correct the fields marked below.', tone: 'attention' },
    }),
  ],
  ['concern form (chat, new)', concernFormCard({ submissionKey: 'k', today: '2026-11-24T10:00:00Z', surface: 'chat' })],
  [
    'concern form (dialog, pre-filled at its longest, every error)',
    concernFormCard({
      submissionKey: 'k',
      today: '2026-11-24T10:00:00Z',
      surface: 'dialog',
      values: { whatHappened: longest(INCIDENT_LIMITS.whatHappened), occurredOn: '2026-11-20', where: 'platform', platform: longest(INCIDENT_LIMITS.platform), involved: 'pupil', category: 'cyberbullying', sourceAuthor: longest(INCIDENT_LIMITS.author), sourceLink: `https://teams.microsoft.com/l/message/${longest(INCIDENT_LIMITS.link - 40)}` },
      errors: { whatHappened: 'Required.', occurredOn: 'That date is in the future.', where: 'Choose.', platform: 'Too long.', involved: 'Choose.', category: 'Choose.' },
      banner: { text: 'Please correct the fields marked below.', tone: 'attention' },
    }),
  ],
  ...(['told', 'toldInstead', 'nobodyTold', 'stillSending', 'alreadySaved'] as const).map((outcome): [string, object] => [`concern saved (${outcome})`, concernSavedCard({ reference: 'C-00042', routedToLabel: 'chair of governors', aboutHeadteacher: true }, { outcome, toldRoles: ['dsl', 'deputyDsl'] })]),
  ['a new concern needs your attention', reminderCard(NEW_CONCERN_NOTICE, (view) => `https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/${view}`)],
  ...ACCESS_REQUEST_STATES.map((state): [string, object] => [
    `access request (${state}, every section at its longest, every button of that state)`,
    accessRequestCard({
      request: fullRequest(state),
      steps: stepsIn(state),
      viewerTeamsId: '29:1abc',
      banner: { text: 'Nothing was changed.', tone: 'warning' },
      values: { note: longest(LIMITS.note), reasons: longest(LIMITS.note), addedRisksAndControls: longest(LIMITS.note) },
      errors: { note: 'Say why.', reasons: 'A refusal needs reasons.' },
    }),
  ]),
  ...(Object.keys(POSTING_STATE_LABELS) as PostingState[]).map((state): [string, object] => [
    `posting request (${state}, 60 pupils all failing, longest text, every button of that state)`,
    postingRequestCard({ request: fullPostingRequest(state), steps: postingStepsIn(state), viewerTeamsId: '29:1abc', banner: { text: 'Nothing was changed.', tone: 'warning' }, values: { reasons: longest(1000), link: longest(200) }, errors: { reasons: 'Needed.', link: 'Paste the link.' } }),
  ]),
  [
    'posting form (3 classes of 30 and 30 more ticked, every field at its longest, every error)',
    postingRequestFormCard({
      requesterName: 'Alex Wilber',
      today: '2026-11-24T10:00:00Z',
      target: { requestId: '7' },
      accounts: Array.from({ length: 10 }, (_, i) => ({ id: String(i), label: `Platform @${longest(60)}` })),
      classes: Array.from({ length: 14 }, (_, i) => `Class ${i}`),
      pupilChoices: Array.from({ length: 120 }, (_, i) => ({ id: String(2000 + i), displayName: longName(i), className: `Class ${i % 4}` })),
      values: { kind: 'post', text: longest(POSTING_LIMITS.text), groupLabel: longest(POSTING_LIMITS.groupLabel), media: 'images,videos', pupilIds: Array.from({ length: 60 }, (_, i) => String(2000 + i)).join(','), classes: 'Class 0,Class 1,Class 2', postingDate: '2026-12-01', facesBlurred: 'true' },
      errors: { kind: 'x', accountId: 'Choose the account.', text: 'Required.', media: 'Say which.', groupLabel: 'Give a label.', postingDate: 'That date has passed.', pupilIds: 'Too many.', classes: 'At most 3.' },
      banner: { text: 'Please correct the fields marked below.', tone: 'attention' },
    }),
  ],
  ['takedown task (longest link and names)', takedownCard(takedown(1), { canClose: true, viewerTeamsId: '29:1abc', reason: longest(1000), reasonError: 'Say why.' })],
  ['takedown list (50 open tasks)', takedownListCard(Array.from({ length: 50 }, (_, i) => takedown(i)))],
  ['reminder (a digest with more lines than a card shows, a link to the tab)', reminderCard({ title: longest(200), lines: Array.from({ length: 80 }, () => longest(200)), tone: 'warning', act: { label: 'Open Training', tabView: 'training' } }, (view) => `https://osd.example/tab/?view=${view}`)],
  ['reminder (a completion to confirm)', reminderCard({ title: 'Please confirm online safety training', lines: [longest(300), longest(1000)], tone: 'accent', act: { label: 'Confirm', confirmTrainingId: '123456' } }, (view) => view)],
  ['reminder (a takedown task to close)', reminderCard({ title: 'A post still needs taking down', lines: [longest(300)], tone: 'attention', act: { label: 'Open the task', takedownId: '99' } }, (view) => view)],
  ['my training (every requirement, a message)', myTrainingCard(Array.from({ length: 10 }, (_, i) => ({ requirementId: `r${i}`, requirementTitle: longest(200), policy: 's.11', audience: 'staff' as const, group: 'All staff', subjectId: '1', subjectName: 'Alex Wilber', lastCompletedOn: '2025-11-02', due: '2026-11-02', status: 'overdue' as const })), '2026-11-25', 'The date cannot be in the future.')],
  ['training logged', trainingLoggedCard('2026-11-02')],
  ['training decided', trainingDecidedCard(longName(3), true, false)],
  ['my requests (ten of each kind)', myRequestsCard(Array.from({ length: 10 }, () => fullRequest('withHeadteacher')), true, Array.from({ length: 10 }, () => fullPostingRequest('withHeadteacher')))],
];

function parseWarnings(card: object): string[] {
  const context = new SerializationContext();
  new AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

describe('every card the app can send', () => {
  it.each(CARDS)('%s parses cleanly, is schema 1.5 and well under 40 KB', (_name, card) => {
    expect(parseWarnings(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const message = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
    const utf16Bytes = JSON.stringify(message).length * 2;
    expect(utf16Bytes).toBeLessThan(36 * 1024);
  });

  it('the check itself catches an element Teams would not know', () => {
    expect(parseWarnings({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Magic', id: 'x' }] }).length).toBeGreaterThan(0);
  });

  it('every Action.Execute has an Action.Submit fallback carrying its verb (older clients)', () => {
    const card = accessRequestCard({ request: fullRequest('withHeadteacher'), steps: ['approve', 'refuse'] });
    for (const action of card.actions ?? []) {
      expect(action).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit', data: { verb: action.verb } } });
    }
  });
});

describe('user text is shown exactly as typed', () => {
  const typed = '**bold** _it_ [click](https://evil.example) <script>x</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}}';
  const request = { ...fullRequest('withOnlineSafetyLead'), siteContent: typed, requesterName: '*Alex*' };
  const card = accessRequestCard({ request, steps: [] });

  it('goes into a TextRun, which Teams does not read as markdown', () => {
    const json = JSON.stringify(card);
    expect(json).toContain(JSON.stringify('**bold** _it_ [click](https://evil.example) <script>x</script> {\u200B{DATE(2026-01-01T00:00:00Z, SHORT)}}'));
  });

  it('never puts typed text into a markdown TextBlock', () => {
    const blocks: string[] = [];
    JSON.stringify(card, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'TextBlock') blocks.push(String((value as { text: unknown }).text));
      return value;
    });
    expect(blocks.some((text) => text.includes('[click]'))).toBe(false);
  });
});
