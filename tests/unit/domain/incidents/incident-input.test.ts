/** Reporting a concern (s.2, s.8: staff report what they see): the form, a note, the CPOMS reference. */
import {
  cpomsSchema,
  INCIDENT_LIMITS,
  noteSchema,
  statusSchema,
  validateIncidentReport,
} from '../../../../bot/src/domain/incidents/incident-input';

const TODAY = '2026-11-24';
const form = {
  whatHappened: 'A comment calling a teacher names',
  occurredOn: '2026-11-20',
  where: 'platform',
  platform: 'Facebook',
  involved: 'parent',
  category: 'abuseAboutSchool',
};

describe('the report form: each wrong field gets its own message', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no date', { occurredOn: undefined }, { occurredOn: 'When it happened is required.' }],
    ['a date with a time', { occurredOn: '2026-11-20T10:00' }, { occurredOn: 'Give the date it happened.' }],
    [
      'a later date with a time: the form is wrong, not the date',
      { occurredOn: '2026-11-25T10:00' },
      { occurredOn: 'Give the date it happened.' },
    ],
    ['a date with text before it', { occurredOn: 'on 2026-11-20' }, { occurredOn: 'Give the date it happened.' }],
    ['a date in the future', { occurredOn: '2026-11-25' }, { occurredOn: 'That date is in the future.' }],
    ['an unknown person involved', { involved: 'visitor' }, { involved: 'Choose who is involved.' }],
    [
      'a platform over its limit',
      { platform: 'x'.repeat(INCIDENT_LIMITS.platform + 1) },
      { platform: `Platform must be ${INCIDENT_LIMITS.platform} characters or fewer.` },
    ],
    [
      'what happened over its limit',
      { whatHappened: 'x'.repeat(INCIDENT_LIMITS.whatHappened + 1) },
      { whatHappened: `What happened must be ${INCIDENT_LIMITS.whatHappened} characters or fewer.` },
    ],
    [
      'a message link that is not https',
      { sourceLink: 'http://teams.example/1' },
      { sourceLink: 'The message link must start with https://.' },
    ],
    // It said zod's own "Too big: expected string to have <=2048 characters".
    [
      'a message link over its limit',
      { sourceLink: `https://teams.example/${'x'.repeat(INCIDENT_LIMITS.link)}` },
      { sourceLink: 'The message link must be 2048 characters or fewer.' },
    ],
  ])('%s', (_case, changes, errors) => {
    expect(validateIncidentReport({ ...form, ...changes }, TODAY)).toEqual({ ok: false, errors });
  });

  it('the date of today is accepted, and an empty platform is read as none', () => {
    expect(validateIncidentReport({ ...form, occurredOn: TODAY, platform: undefined }, TODAY)).toEqual({
      ok: true,
      value: { ...form, occurredOn: TODAY, platform: '' },
      pupilIds: [],
    });
  });

  it('keeps the message a concern was reported from, with its author and link; an empty link is no message', () => {
    expect(
      validateIncidentReport({ ...form, sourceAuthor: '  Jo Bloggs ', sourceLink: ' https://teams.microsoft.com/l/message/1 ' }, TODAY),
    ).toEqual({
      ok: true,
      value: { ...form, sourceMessage: { author: 'Jo Bloggs', link: 'https://teams.microsoft.com/l/message/1' } },
      pupilIds: [],
    });
    expect(validateIncidentReport({ ...form, sourceLink: 'https://teams.microsoft.com/l/message/1' }, TODAY)).toEqual({
      ok: true,
      value: { ...form, sourceMessage: { author: '', link: 'https://teams.microsoft.com/l/message/1' } },
      pupilIds: [],
    });
    expect(validateIncidentReport({ ...form, sourceAuthor: 'Jo Bloggs', sourceLink: '' }, TODAY)).toEqual({
      ok: true,
      value: form,
      pupilIds: [],
    });
  });

  it('says a message link must start with https://', () => {
    expect(validateIncidentReport({ ...form, sourceLink: 'http://teams.example/1' }, TODAY)).toEqual({
      ok: false,
      errors: { sourceLink: 'The message link must start with https://.' },
    });
  });

  it('an empty form names every required field', () => {
    expect(validateIncidentReport({}, TODAY)).toEqual({
      ok: false,
      errors: {
        whatHappened: 'What happened is required.',
        occurredOn: 'When it happened is required.',
        where: 'Choose where it happened.',
        involved: 'Choose who is involved.',
        category: 'Choose a category.',
      },
    });
  });
});

describe('notes, statuses and CPOMS references', () => {
  it.each<[string, string, string | undefined]>([
    ['a reference with letters, numbers, - / . and spaces', ' CP-2026/11.04 A ', undefined],
    ['an empty reference', '  ', 'Give the CPOMS reference.'],
    ['a reference with other characters', 'CP<1>', 'Letters, numbers, spaces and - / . only.'],
    ['a reference starting with another character', '#CP-1', 'Letters, numbers, spaces and - / . only.'],
    // It said zod's own "Too big: expected string to have <=50 characters".
    ['a reference over 50 characters', 'x'.repeat(51), 'The CPOMS reference must be 50 characters or fewer.'],
  ])('CPOMS: %s', (_case, typed, error) => {
    const result = cpomsSchema.safeParse(typed);
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe(error);
  });

  it('a CPOMS reference is kept trimmed, up to 50 characters', () => {
    expect(cpomsSchema.parse(' CP-2026/11.04 A ')).toBe('CP-2026/11.04 A');
    expect(cpomsSchema.safeParse('x'.repeat(50)).success).toBe(true);
    expect(cpomsSchema.safeParse('x'.repeat(51)).success).toBe(false);
  });

  it('a note is required, up to 2000 characters', () => {
    expect(noteSchema.safeParse(' ').error?.issues[0]?.message).toBe('Note is required.');
    expect(noteSchema.safeParse('x'.repeat(2001)).error?.issues[0]?.message).toBe('Note must be 2000 characters or fewer.');
    expect(noteSchema.parse('x'.repeat(2000))).toHaveLength(2000);
  });

  it('a status is one of the four', () => {
    expect(['new', 'inProgress', 'actionTaken', 'closed', 'deleted'].map((status) => statusSchema.safeParse(status).success)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

/** The reporter sees these messages word for word on the concern form (s.8: staff report what they see). */
describe('the report form: the exact message for each field and the edges of its pattern (s.8)', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a month of one digit', { occurredOn: '2026-1-20' }, { occurredOn: 'Give the date it happened.' }],
    ['a year of five digits', { occurredOn: '20261-11-20' }, { occurredOn: 'Give the date it happened.' }],
    ['a day of three digits', { occurredOn: '2026-11-200' }, { occurredOn: 'Give the date it happened.' }],
    ['a date with a space after it', { occurredOn: '2026-11-20 ' }, { occurredOn: 'Give the date it happened.' }],
    ['a date given as a number', { occurredOn: 20261120 }, { occurredOn: 'When it happened is required.' }],
    ['an unknown place', { where: 'home' }, { where: 'Choose where it happened.' }],
    ['an unknown category', { category: 'gossip' }, { category: 'Choose a category.' }],
    ['no description', { whatHappened: '   ' }, { whatHappened: 'What happened is required.' }],
    [
      'a message link with text before it',
      { sourceLink: 'see https://teams.example/1' },
      { sourceLink: 'The message link must start with https://.' },
    ],
    [
      'a message link with one slash',
      { sourceLink: 'https:/teams.example/1' },
      { sourceLink: 'The message link must start with https://.' },
    ],
    [
      'a message author over 200 characters',
      { sourceAuthor: 'x'.repeat(201), sourceLink: 'https://teams.example/1' },
      { sourceAuthor: 'The message author must be 200 characters or fewer.' },
    ],
    ['a platform over 200 characters', { platform: 'x'.repeat(201) }, { platform: 'Platform must be 200 characters or fewer.' }],
    [
      'a description over 4000 characters',
      { whatHappened: 'x'.repeat(4001) },
      { whatHappened: 'What happened must be 4000 characters or fewer.' },
    ],
    ['pupils given with a trailing comma', { pupilIds: '12,' }, { pupilIds: 'Choose the pupils from the list.' }],
    ['pupils given with a leading comma', { pupilIds: ',12' }, { pupilIds: 'Choose the pupils from the list.' }],
    ['a pupil id of 13 digits', { pupilIds: '1234567890123' }, { pupilIds: 'Choose the pupils from the list.' }],
    // A card never sends more than 30 ids; a longer list said zod's own "Too big: expected string to have <=390 characters".
    [
      'a list of pupils longer than any card sends',
      { pupilIds: `${'12,'.repeat(140)}12` },
      { pupilIds: 'Choose the pupils from the list.' },
    ],
  ])('%s', (_case, changes, errors) => {
    expect(validateIncidentReport({ ...form, ...changes }, TODAY)).toEqual({ ok: false, errors });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a message author of exactly 200 characters', { sourceAuthor: 'x'.repeat(200), sourceLink: 'https://teams.example/1' }],
    ['a platform of exactly 200 characters', { platform: 'x'.repeat(200) }],
    ['a description of exactly 4000 characters', { whatHappened: 'x'.repeat(4000) }],
    ['a pupil id of 12 digits', { pupilIds: '123456789012' }],
    ['30 pupils', { pupilIds: Array.from({ length: 30 }, (_, i) => i + 1).join(',') }],
  ])('%s is accepted', (_case, changes) => {
    expect(validateIncidentReport({ ...form, ...changes }, TODAY).ok).toBe(true);
  });

  it('the limits of each field', () => {
    expect(INCIDENT_LIMITS).toEqual({ whatHappened: 4000, platform: 200, note: 2000, cpoms: 50, author: 200, link: 2048 });
  });

  it.each<[string, string, string | undefined]>([
    ['a reference ending with another character', 'CP-1#', 'Letters, numbers, spaces and - / . only.'],
    ['a reference with an underscore', 'CP_1', undefined],
    ['a reference of exactly one character', '7', undefined],
  ])('CPOMS: %s', (_case, typed, error) => {
    const result = cpomsSchema.safeParse(typed);
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe(error);
  });
});
