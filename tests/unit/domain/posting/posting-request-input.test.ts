/** The permission-to-post form (s.4, s.5) and the link pasted once posted: what each wrong field is told. */
import {
  POSTING_KINDS,
  POSTING_LIMITS,
  postLinkSchema,
  validatePostingRequestInput,
} from '../../../../bot/src/domain/posting/posting-request-input';

const TODAY = '2026-11-25';
const valid = {
  kind: 'post',
  accountId: '1',
  text: 'Sports day!',
  media: ['images'],
  pupilIds: ['4', '5'],
  groupLabel: 'sports day',
  facesBlurred: true,
  postingDate: '2026-11-26',
};

describe('the form: one message per wrong field', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['neither a post nor a reminder', { kind: 'advert' }, { kind: 'Choose a post or a reminder for parents.' }],
    ['no account', { accountId: '  ' }, { accountId: 'Choose the school account.' }],
    ['no text', { text: '  ' }, { text: 'The text of the post is required.' }],
    [
      'a group label over its limit',
      { groupLabel: 'x'.repeat(POSTING_LIMITS.groupLabel + 1) },
      { groupLabel: 'The group label must be 100 characters or fewer.' },
    ],
    ['an account that is not text', { accountId: 7 }, { accountId: 'Choose the school account.' }],
    ['an unknown medium', { media: ['audio'] }, { media: 'Media must be images, videos or none.' }],
    ['pupils but no media (s.4)', { media: [] }, { media: 'You picked pupils: say whether the post has images, videos or both.' }],
    [
      'pupils but no group label (s.4)',
      { groupLabel: ' ' },
      { groupLabel: 'Give the group a general label, such as "sports day" (policy section 4).' },
    ],
    [
      'more pupils than a card can show',
      { pupilIds: Array.from({ length: POSTING_LIMITS.pupils + 1 }, (_, i) => `p${i}`) },
      { pupilIds: 'Pick at most 60 pupils; for a bigger group use a class photo with a general label.' },
    ],
    ['no date', { postingDate: undefined }, { postingDate: 'Posting date is required.' }],
    ['a date in another form', { postingDate: '26/11/2026' }, { postingDate: 'Enter the date you plan to post, for example 2026-12-01.' }],
    [
      'a date with a time',
      { postingDate: '2026-11-26T09:00' },
      { postingDate: 'Enter the date you plan to post, for example 2026-12-01.' },
    ],
    [
      'a date with words before it',
      { postingDate: 'on 2026-11-26' },
      { postingDate: 'Enter the date you plan to post, for example 2026-12-01.' },
    ],
    ['a day that does not exist', { postingDate: '2026-02-29' }, { postingDate: 'That date does not exist.' }],
    ['a month that does not exist', { postingDate: '2026-13-01' }, { postingDate: 'That date does not exist.' }],
    ['a date that has passed', { postingDate: '2026-11-24' }, { postingDate: 'That date has passed: choose today or a later date.' }],
  ])('%s', (_case, changes, errors) => {
    expect(validatePostingRequestInput({ ...valid, ...changes }, TODAY)).toEqual({ ok: false, errors });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a post for today', { postingDate: TODAY }, { postingDate: TODAY }],
    ['60 pupils', { pupilIds: Array.from({ length: 60 }, (_, i) => `p${i}`) }, { pupilIds: Array.from({ length: 60 }, (_, i) => `p${i}`) }],
    ['a post with no pupils needs no group label', { media: ['images'], pupilIds: [], groupLabel: '' }, { pupilIds: [], groupLabel: '' }],
    [
      'a reminder for parents naming pupils needs no group label',
      { kind: 'parentReminder', groupLabel: '' },
      { kind: 'parentReminder', groupLabel: '' },
    ],
    [
      'lists sent by the API, repeats dropped',
      { media: ['videos', 'videos'], pupilIds: ['4', '4'] },
      { media: ['videos'], pupilIds: ['4'] },
    ],
    ['no pupils and no media', { media: undefined, pupilIds: undefined }, { media: [], pupilIds: [] }],
    ['a choice set sending empty parts', { media: 'images,,', pupilIds: ' 4 , ,5' }, { media: ['images'], pupilIds: ['4', '5'] }],
    ['faces blurred only when it says so', { facesBlurred: 'false' }, { facesBlurred: false }],
    ['faces blurred left out', { facesBlurred: undefined }, { facesBlurred: false }],
  ])('accepts %s', (_case, changes, expected) => {
    expect(validatePostingRequestInput({ ...valid, ...changes }, TODAY)).toEqual({ ok: true, value: { ...valid, ...expected } });
  });

  it.each(['5 OR 1=1', '<b>5', 'x'.repeat(41)])('refuses %p as a pupil or an account id', (bad) => {
    for (const field of ['pupilIds', 'accountId']) {
      const result = validatePostingRequestInput({ ...valid, [field]: field === 'pupilIds' ? ['4', bad] : bad }, TODAY);
      expect(result.ok ? [] : Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('reads anything but a form as an empty one', () => {
    for (const raw of [null, 'text', ['kind']]) {
      const result = validatePostingRequestInput(raw, TODAY);
      expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['accountId', 'kind', 'postingDate', 'text']);
    }
  });
});

describe('the link to the post, pasted once it is up', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a link', ' https://x.example/status/7 ', undefined],
    ['nothing', '   ', 'Paste the link to the post.'],
    ['not text', undefined, 'Paste the link to the post.'],
    ['not https', 'http://x.example/status/7', 'Paste the full link to the post, starting with https://.'],
    ['not a link', 'my post', 'Paste the full link to the post, starting with https://.'],
    ['a link with a space inside', 'https://x.example/status 7', 'Paste the full link to the post, starting with https://.'],
    ['too long', `https://x.example/${'a'.repeat(POSTING_LIMITS.link)}`, 'That link is too long.'],
  ])('%s', (_case, typed, error) => {
    const result = postLinkSchema.safeParse(typed);
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe(error);
  });
});

/** s.4 (images of pupils, taken on school devices) and s.5 (the headteacher's permission): each message word for word. */
describe('the form: the exact message at the edge of each field (s.4, s.5)', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a device id with a space', { deviceId: 'ipad 3' }, { deviceId: 'Choose the school device from the list.' }],
    ['a device id of 41 characters', { deviceId: 'd'.repeat(41) }, { deviceId: 'Choose the school device from the list.' }],
    ['a device id with text before it', { deviceId: '<b>d-1' }, { deviceId: 'Choose the school device from the list.' }],
    ['a device id with text after it', { deviceId: 'd-1<b>' }, { deviceId: 'Choose the school device from the list.' }],
    ['a device name of 41 characters', { deviceName: 'x'.repeat(41) }, { deviceName: 'The device name must be 40 characters or fewer.' }],
    ['text of 2001 characters', { text: 'x'.repeat(2001) }, { text: 'The text of the post must be 2000 characters or fewer.' }],
    [
      'a group label of 101 characters',
      { groupLabel: 'x'.repeat(101) },
      { groupLabel: 'The group label must be 100 characters or fewer.' },
    ],
    [
      'a date with a digit after it',
      { postingDate: '2026-11-260' },
      { postingDate: 'Enter the date you plan to post, for example 2026-12-01.' },
    ],
    [
      'a date with a one-digit month',
      { postingDate: '2026-1-26' },
      { postingDate: 'Enter the date you plan to post, for example 2026-12-01.' },
    ],
    ['a date that is a number', { postingDate: 20261126 }, { postingDate: 'Posting date is required.' }],
    ['no account at all', { accountId: undefined }, { accountId: 'Choose the school account.' }],
    ['no kind at all', { kind: undefined }, { kind: 'Choose a post or a reminder for parents.' }],
  ])('%s', (_case, changes, errors) => {
    expect(validatePostingRequestInput({ ...valid, ...changes }, TODAY)).toEqual({ ok: false, errors });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a device id of 40 characters', { deviceId: 'd'.repeat(40) }, { deviceId: 'd'.repeat(40) }],
    ['no device picked', { deviceId: '' }, {}],
    // An empty choice may come as null in JSON.
    ['no device picked (null)', { deviceId: null }, {}],
    ['no device name typed', { deviceName: '' }, {}],
    ['no device name typed (null)', { deviceName: null }, {}],
    ['a device name of 40 characters', { deviceName: 'x'.repeat(40) }, { deviceName: 'x'.repeat(40) }],
    ['text of 2000 characters', { text: 'x'.repeat(2000) }, { text: 'x'.repeat(2000) }],
    ['a group label of 100 characters', { groupLabel: 'x'.repeat(100) }, { groupLabel: 'x'.repeat(100) }],
  ])('accepts %s', (_case, changes, expected) => {
    expect(validatePostingRequestInput({ ...valid, ...changes }, TODAY)).toEqual({ ok: true, value: { ...valid, ...expected } });
  });

  it('offers a post or a reminder for parents, within these limits', () => {
    expect(POSTING_KINDS).toEqual(['post', 'parentReminder']);
    expect(POSTING_LIMITS).toEqual({ text: 2000, groupLabel: 100, pupils: 60, link: 2048 });
  });

  it('a link of exactly 2048 characters is taken; one more is too long', () => {
    const link = `https://x.example/${'a'.repeat(2048 - 'https://x.example/'.length)}`;
    expect(postLinkSchema.safeParse(link).success).toBe(true);
    expect(postLinkSchema.safeParse(`${link}a`).error?.issues[0]?.message).toBe('That link is too long.');
  });
});
