/** The automatic checks before the headteacher sees a posting request (s.4, s.5, s.6). */
import type { ConsentEvent } from '../../../../bot/src/domain/consent/consent';
import { checkPost, containsName, personalDetails, type PostDraft } from '../../../../bot/src/domain/posting/posting-checks';
import type { Pupil } from '../../../../bot/src/domain/school/pupil';

const pupil = (id: string, displayName: string, onRollTo?: string): Pupil => ({
  id,
  displayName,
  className: '4B',
  yearGroup: 'Year 4',
  onRollFrom: '2022-09-05',
  ...(onRollTo ? { onRollTo } : {}),
});
const ROSTER = [
  pupil('1', 'Lily-Mae Brown'),
  pupil('2', "Daniel O'Connor"),
  pupil('3', 'Zoë Müller'),
  pupil('4', 'Amelia Khan'),
  pupil('5', 'Leo Murphy', '2026-07-22'),
];
const given = (pupilId: string, media: 'images' | 'videos'): ConsentEvent => ({
  id: `${pupilId}${media}`,
  pupilId,
  media,
  decision: 'given',
  effectiveFrom: '2022-09-05',
  source: 'consent form',
  recordedBy: 'x',
  recordedAt: '2022-09-05',
});
const CONSENT = [given('1', 'images'), given('1', 'videos'), given('2', 'images'), given('3', 'images'), given('3', 'videos')];
const context = { registeredAccountIds: new Set(['school-x']), roster: ROSTER, consent: CONSENT };
const draft = (changes: Partial<PostDraft> = {}): PostDraft => ({
  accountId: 'school-x',
  text: 'What a brilliant sports day for 4B!',
  media: ['images'],
  pupilIds: ['1', '2', '3'],
  postingDate: '2026-11-24',
  ...changes,
});

describe('posting checks', () => {
  it('passes a post with consent for everyone shown, a group label and no personal details', () => {
    expect(checkPost(draft(), context)).toEqual([]);
  });

  it('names the pupil and the medium when consent is missing for a video (s.4)', () => {
    const failures = checkPost(draft({ media: ['images', 'videos'] }), context);
    expect(failures).toEqual([
      expect.objectContaining({
        check: 'consent',
        message: expect.stringMatching(/^Daniel O'Connor \(4B\): no consent is recorded for videos/),
      }),
    ]);
  });

  it('refuses an unregistered account (s.5)', () => {
    expect(checkPost(draft({ accountId: 'my-own-instagram' }), context).map((f) => f.check)).toEqual(['account']);
  });

  it('refuses a pupil who is not on roll on the posting date', () => {
    expect(checkPost(draft({ pupilIds: ['5'] }), context).map((f) => f.check)).toContain('onRoll');
  });

  it.each([
    ['Well done Lily-Mae Brown!', 'Lily-Mae Brown'],
    ['well done lily mae brown', 'Lily-Mae Brown'],
    ["Daniel O'Connor scored", "Daniel O'Connor"],
    ['daniel oconnor scored', "Daniel O'Connor"],
    ['LilyMae Brown ran', 'Lily-Mae Brown'],
    ['Daniel O Connor scored', "Daniel O'Connor"],
    ['Zoe Muller won', 'Zoë Müller'],
    ['ZOË MÜLLER won', 'Zoë Müller'],
    ["Amelia Khan's painting", 'Amelia Khan'],
    ['Amelia Khanage and Amelia', undefined],
    ['Amelia did well', undefined],
    ['Leo Murphy (who has left) is named', undefined],
  ])('in "%s" finds the full name %p', (text, name) => {
    const found = checkPost(draft({ text }), context).filter((f) => f.check === 'fullName');
    expect(found.map((f) => f.message.match(/names (.+?)\. /)?.[1])).toEqual(name ? [name] : []);
  });

  it.each([
    ['Call 07700 900123 for tickets', 'a phone number'],
    ['Ring +44 7700 900123', 'a phone number'],
    ['Office: 01632 960123', 'a phone number'],
    ['Email parent.name@example.com', 'an email address'],
    ['Meet at 12 Church Road after school', 'a street address'],
    ['Our address is SW1A 1AA', 'a postcode'],
  ])('finds personal details in "%s"', (text, kind) => {
    expect(personalDetails(text).map((d) => d.kind)).toContain(kind);
    expect(checkPost(draft({ text }), context).map((f) => f.check)).toContain('personalDetails');
  });

  it.each(['Y6 came 5th in the relay', 'Back on 5 January 2027', 'Year 4 scored 12 goals', 'Tickets £2.50'])(
    'does not mistake "%s" for personal details',
    (text) => {
      expect(personalDetails(text)).toEqual([]);
    },
  );

  it('needs a first and last name together: a lone first name is not a full name', () => {
    expect(containsName('Amelia', 'Amelia')).toBe(false);
  });
});
