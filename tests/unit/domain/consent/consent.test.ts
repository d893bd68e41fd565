/**
 * Social Media Policy s.4: consent per pupil for images and videos separately; withdrawn or
 * amended in writing, from the date received; history kept; posts showing the pupil taken down.
 */
import { consentOn, type ConsentEvent } from '../../../../bot/src/domain/consent/consent';
import { takedownsDue, type RegisteredPost } from '../../../../bot/src/domain/consent/takedown';

let n = 0;
const event = (pupilId: string, media: 'images' | 'videos', decision: 'given' | 'refused', effectiveFrom: string): ConsentEvent => ({
  id: `e${++n}`,
  pupilId,
  media,
  decision,
  effectiveFrom,
  source: decision === 'given' && effectiveFrom < '2025' ? 'consent form' : 'written notice',
  recordedBy: 'Lynne Robbins',
  recordedAt: `${effectiveFrom}T09:00:00Z`,
});

const HISTORY = [
  event('amelia', 'images', 'given', '2022-09-05'),
  event('amelia', 'videos', 'given', '2022-09-05'),
  event('amelia', 'videos', 'refused', '2026-03-10'), // amended in writing: images only from 10 March
  event('oliver', 'images', 'refused', '2022-09-05'),
  event('isla', 'images', 'given', '2022-09-05'),
  event('isla', 'images', 'refused', '2025-01-15'), // withdrawn…
  event('isla', 'images', 'given', '2025-06-01'), // …and given again
];

describe('consent on a date (s.4)', () => {
  it.each([
    ['amelia', 'images', '2026-11-24', 'given'],
    ['amelia', 'videos', '2026-03-09', 'given'],
    ['amelia', 'videos', '2026-03-10', 'withdrawn'],
    ['amelia', 'videos', '2022-09-04', 'none'],
    ['oliver', 'images', '2026-11-24', 'refused'],
    ['oliver', 'videos', '2026-11-24', 'none'],
    ['isla', 'images', '2025-03-01', 'withdrawn'],
    ['isla', 'images', '2025-06-01', 'given'],
    ['nobody', 'images', '2026-11-24', 'none'],
  ] as const)('%s, %s on %s: %s', (pupil, media, date, expected) => {
    expect(consentOn(HISTORY, pupil, media, date)).toBe(expected);
  });

  it('never needs history rewritten: an amendment is one more event', () => {
    expect(HISTORY.filter((e) => e.pupilId === 'amelia')).toHaveLength(3);
  });
});

describe('takedown tasks after a withdrawal (s.4: posts are taken down "wherever reasonably practicable")', () => {
  const posts: RegisteredPost[] = [
    { id: 'p1', accountId: 'x', postedOn: '2026-02-01', media: ['images'], pupilIds: ['amelia', 'isla'], link: 'https://x/1' },
    { id: 'p2', accountId: 'x', postedOn: '2026-03-01', media: ['videos'], pupilIds: ['amelia'], link: 'https://x/2' },
    { id: 'p3', accountId: 'x', postedOn: '2026-03-12', media: ['videos'], pupilIds: ['amelia'], link: 'https://x/3' },
    { id: 'p4', accountId: 'x', postedOn: '2026-02-20', media: ['images', 'videos'], pupilIds: ['oliver'], link: 'https://x/4' },
    { id: 'p5', accountId: 'x', postedOn: '2026-03-10T15:30:00.000Z', media: ['videos'], pupilIds: ['amelia'], link: 'https://x/5' },
  ];
  const TODAY = '2026-11-24';
  const due = (
    existing: { postId: string; pupilId: string; media: 'images' | 'videos'; status: 'to do' | 'removed' | 'cannot be removed' }[] = [],
    events = HISTORY,
  ) =>
    takedownsDue(events, posts, existing, TODAY).map(
      (task) => `${task.postId} ${task.pupilId} ${task.media}${task.urgent ? ' URGENT' : ''}`,
    );

  it.each<[string, string[]]>([
    // Amelia's videos were withdrawn from 10 March: every video of her comes down, whatever its date.
    ['p2 amelia videos', ['a post from before the withdrawal: taken down']],
    ['p3 amelia videos URGENT', ['a post from after the day it took effect went up without consent: urgent']],
    ['p5 amelia videos URGENT', ['a post at a time on the day it took effect: urgent too']],
    // Oliver's images were never given: a post showing him in an image is taken down, urgently.
    ['p4 oliver images URGENT', ['a post of a pupil whose consent was refused from the start']],
  ])('makes %s (%s)', (task) => {
    expect(due()).toContain(task);
  });

  it('makes nothing for consent in force: images of Amelia, Isla given again after a withdrawal, videos of Oliver with no record', () => {
    expect(due()).toEqual(['p2 amelia videos', 'p3 amelia videos URGENT', 'p5 amelia videos URGENT', 'p4 oliver images URGENT']);
  });

  it('makes nothing for a notice giving consent', () => {
    expect(takedownsDue([HISTORY[0]!], posts, [], TODAY)).toEqual([]);
  });

  it('never makes a task again, nor reopens a closed one: one task per post, pupil and medium', () => {
    expect(
      due([
        { postId: 'p2', pupilId: 'amelia', media: 'videos', status: 'removed' },
        { postId: 'p3', pupilId: 'amelia', media: 'videos', status: 'to do' },
      ]),
    ).toEqual(['p5 amelia videos URGENT', 'p4 oliver images URGENT']);
  });

  it('leaves alone a post already taken down for another pupil', () => {
    const both: RegisteredPost = {
      id: 'p6',
      accountId: 'x',
      postedOn: '2026-01-10',
      media: ['images'],
      pupilIds: ['oliver', 'isla'],
      link: 'https://x/6',
    };
    const tasks = takedownsDue(HISTORY, [both], [{ postId: 'p6', pupilId: 'somebody', media: 'images', status: 'removed' }], TODAY);
    expect(tasks).toEqual([]);
  });

  it('names the notice in force and keys each task by its post, pupil and medium', () => {
    expect(takedownsDue(HISTORY, posts, [], TODAY)[0]).toEqual({
      postId: 'p2',
      pupilId: 'amelia',
      media: 'videos',
      noticeId: HISTORY[2]!.id,
      taskKey: 'p2|amelia|videos',
      urgent: false,
    });
  });
});

describe('consent on a date: notices received the same day, and times (s.4)', () => {
  const at = (decision: 'given' | 'refused', effectiveFrom: string, recordedAt: string): ConsentEvent => ({
    id: `${decision}-${recordedAt}`,
    pupilId: 'noah',
    media: 'images',
    decision,
    effectiveFrom,
    source: 'written notice',
    recordedBy: 'Lynne Robbins',
    recordedAt,
  });

  it.each<[string, ConsentEvent[], string, string]>([
    [
      'a form and a withdrawal received the same day: the one recorded last counts',
      [at('refused', '2026-05-01', '2026-05-01T15:00:00Z'), at('given', '2026-05-01', '2026-05-01T09:00:00Z')],
      '2026-05-01',
      'withdrawn',
    ],
    [
      'the same, recorded the other way round',
      [at('given', '2026-05-01', '2026-05-01T15:00:00Z'), at('refused', '2026-05-01', '2026-05-01T09:00:00Z')],
      '2026-05-01',
      'given',
    ],
    [
      'a notice received with a time applies from that whole day',
      [at('given', '2026-05-01T14:00:00Z', '2026-05-01T14:05:00Z')],
      '2026-05-01',
      'given',
    ],
    ['asked with a time, the whole day counts', [at('given', '2026-05-01', '2026-05-01T09:00:00Z')], '2026-05-01T07:00:00Z', 'given'],
    [
      'refused on joining, given later, then withdrawn: withdrawn',
      [
        at('refused', '2026-05-01', '2026-05-01T09:00:00Z'),
        at('given', '2026-06-01', '2026-06-01T09:00:00Z'),
        at('refused', '2026-07-01', '2026-07-01T09:00:00Z'),
      ],
      '2026-07-02',
      'withdrawn',
    ],
    [
      'refused twice, never given: refused, not withdrawn',
      [at('refused', '2026-05-01', '2026-05-01T09:00:00Z'), at('refused', '2026-06-01', '2026-06-01T09:00:00Z')],
      '2026-07-01',
      'refused',
    ],
    [
      'a later form for another pupil changes nothing',
      [at('given', '2026-05-01', '2026-05-01T09:00:00Z'), { ...at('refused', '2026-06-01', '2026-06-01T09:00:00Z'), pupilId: 'ava' }],
      '2026-07-01',
      'given',
    ],
  ])('%s', (_case, events, date, expected) => {
    expect(consentOn(events, 'noah', 'images', date)).toBe(expected);
  });
});

describe('the notice a takedown task comes from: the refusal in force today (s.4: "from the date received")', () => {
  const post: RegisteredPost = {
    id: 'p9',
    accountId: '1',
    postedOn: '2026-10-01',
    media: ['images'],
    pupilIds: ['noah'],
    link: 'https://x.example/9',
  };
  const notice = (id: string, decision: 'given' | 'refused', effectiveFrom: string): ConsentEvent => ({
    id,
    pupilId: 'noah',
    media: 'images',
    decision,
    effectiveFrom,
    source: 'written notice',
    recordedBy: 'Lynne Robbins',
    recordedAt: '2026-11-24T08:00:00Z',
  });
  const given = notice('form', 'given', '2022-09-05');

  it.each<[string, ConsentEvent[], string]>([
    ['a withdrawal received today', [given, notice('today', 'refused', '2026-11-24')], 'today'],
    ['a withdrawal received today, recorded with its time', [given, notice('today-at-9', 'refused', '2026-11-24T09:00:00Z')], 'today-at-9'],
    [
      'a withdrawal in force, and another notice dated next month: not the one still to come',
      [given, notice('last-week', 'refused', '2026-11-17'), notice('next-month', 'refused', '2026-12-14')],
      'last-week',
    ],
  ])('%s', (_case, events, noticeId) => {
    expect(takedownsDue(events, [post], [], '2026-11-24').map((task) => task.noticeId)).toEqual([noticeId]);
  });
});
