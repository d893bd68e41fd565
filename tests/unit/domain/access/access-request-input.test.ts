/** Appendix A's requester fields, checked at the boundary: each wrong field gets its own message. */
import {
  addedRisksSchema,
  endDateSchema,
  LIMITS,
  reasonsSchema,
  reviewNoteSchema,
  validateAccessRequestInput as validate,
} from '../../../../bot/src/domain/access/access-request-input';

const TODAY = '2026-11-24';
const validateAccessRequestInput = (raw: unknown) => validate(raw, TODAY);
const TEXT = {
  url: 'https://www.example.org/a?b=c#d',
  siteContent: 'Maths games',
  reasons: 'Year 3 lessons',
  risksAndControls: 'Adverts: use full screen',
};
const GOOD = { ...TEXT, scope: 'staff' };
/** GOOD as read: no first day means today; no last day is filled in later from the term dates. */
const READ = { ...TEXT, period: { from: TODAY }, scope: { kind: 'staff' } };

describe('the access request form', () => {
  it('accepts a complete form, trimming spaces', () => {
    expect(validateAccessRequestInput({ ...GOOD, siteContent: '  Maths games  ' })).toEqual({ ok: true, value: READ });
  });

  it.each([
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['file: URL', 'file:///etc/passwd'],
    ['ftp: URL', 'ftp://files.example.org/worksheet.pdf'],
    ['no scheme', 'www.example.org'],
    ['relative', '/path'],
    ['spaces inside', 'https://example.org/a b'],
    ['too long', `https://example.org/${'a'.repeat(LIMITS.url)}`],
    ['empty', ''],
    ['not a string', 42],
    ['right-to-left override', 'https://example.org/\u202Egpj.exe'],
  ])('refuses a %s as the full URL', (_name, url) => {
    expect(validateAccessRequestInput({ ...GOOD, url })).toEqual({ ok: false, errors: { url: expect.stringMatching(/\w/) } });
  });

  it.each(['http://example.org', 'https://sub.example.co.uk/path?q=1'])('accepts %s', (url) => {
    expect(validateAccessRequestInput({ ...GOOD, url }).ok).toBe(true);
  });

  it('names every missing field', () => {
    const result = validateAccessRequestInput({});
    expect(result).toEqual({
      ok: false,
      errors: {
        url: 'Full URL is required.',
        siteContent: 'Site content is required.',
        reasons: 'Reasons for access is required.',
        risksAndControls: 'Identified risks and control measures is required.',
        scope: 'Choose who the site is opened for.',
      },
    });
  });

  it.each([null, 'text', 7, []])('treats a non-object (%p) as an empty form', (raw) => {
    const required = expect.stringMatching(/is required\.$/);
    expect(validateAccessRequestInput(raw)).toEqual({
      ok: false,
      errors: { url: required, siteContent: required, reasons: required, risksAndControls: required, scope: expect.stringMatching(/\w/) },
    });
  });

  it('refuses text over its length limit, saying the limit', () => {
    const result = validateAccessRequestInput({ ...GOOD, reasons: 'x'.repeat(LIMITS.reasons + 1) });
    expect(result).toEqual({ ok: false, errors: { reasons: `Reasons for access must be ${LIMITS.reasons} characters or fewer.` } });
  });

  it('keeps markdown and HTML as typed (they are escaped when shown, not stripped)', () => {
    const typed = '**bold** <b>html</b> [link](javascript:x) {{DATE(2020-01-01T00:00:00Z)}}';
    expect(validateAccessRequestInput({ ...GOOD, siteContent: typed })).toMatchObject({ ok: true, value: { siteContent: typed } });
  });

  it('ignores extra keys such as __proto__', () => {
    const raw = JSON.parse(
      `{"__proto__": {"polluted": true}, "constructor": 1, "url": "${GOOD.url}", "siteContent": "a", "reasons": "b", "risksAndControls": "c", "scope": "wholeSchool"}`,
    );
    const result = validateAccessRequestInput(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toEqual({
      ok: true,
      value: {
        url: GOOD.url,
        siteContent: 'a',
        reasons: 'b',
        risksAndControls: 'c',
        period: { from: TODAY },
        scope: { kind: 'wholeSchool' },
      },
    });
  });
});

describe('the period and who the site is opened for (every unblock ends)', () => {
  // [what was typed, what is read, or the field and its message]
  it.each<[string, Record<string, string>, object]>([
    ['staff only, no dates', { scope: 'staff' }, { period: { from: TODAY }, scope: { kind: 'staff' } }],
    [
      'the whole school for a week',
      { scope: 'wholeSchool', periodFrom: '2026-11-30', periodTo: '2026-12-04' },
      { period: { from: '2026-11-30', to: '2026-12-04' }, scope: { kind: 'wholeSchool' } },
    ],
    [
      'one class, one day',
      { scope: 'class', scopeClass: '3B', periodTo: TODAY },
      { period: { from: TODAY, to: TODAY }, scope: { kind: 'class', group: '3B' } },
    ],
    [
      'a year group, the class ignored',
      { scope: 'yearGroup', scopeYearGroup: 'Year 3', scopeClass: '3B' },
      { period: { from: TODAY }, scope: { kind: 'yearGroup', group: 'Year 3' } },
    ],
    ['staff, a class given by mistake', { scope: 'staff', scopeClass: '3B' }, { period: { from: TODAY }, scope: { kind: 'staff' } }],
    [
      'the whole school, a year group given by mistake',
      { scope: 'wholeSchool', scopeYearGroup: 'Year 3' },
      { period: { from: TODAY }, scope: { kind: 'wholeSchool' } },
    ],
    [
      'exactly a year',
      { scope: 'staff', periodFrom: '2026-12-01', periodTo: '2027-12-01' },
      { period: { from: '2026-12-01', to: '2027-12-01' }, scope: { kind: 'staff' } },
    ],
  ])('accepts %s', (_name, typed, read) => {
    expect(validateAccessRequestInput({ ...TEXT, ...typed })).toEqual({ ok: true, value: { ...TEXT, ...read } });
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['no scope', {}, { scope: 'Choose who the site is opened for.' }],
    ['an unknown scope', { scope: 'everyone' }, { scope: 'Choose who the site is opened for.' }],
    ['one class without the class', { scope: 'class' }, { scopeClass: 'Choose the class.' }],
    ['a year group without the year group', { scope: 'yearGroup', scopeClass: '3B' }, { scopeYearGroup: 'Choose the year group.' }],
    [
      'a last day before the first',
      { scope: 'staff', periodFrom: '2026-12-04', periodTo: '2026-12-03' },
      { periodTo: 'The last day must be on or after the first day.' },
    ],
    [
      'more than a year',
      { scope: 'staff', periodFrom: '2026-12-01', periodTo: '2027-12-02' },
      { periodTo: 'An unblock can last at most 12 months; ask again when it ends.' },
    ],
    ['a first day in the past', { scope: 'staff', periodFrom: '2026-11-23' }, { periodFrom: 'The first day cannot be in the past.' }],
    [
      'a date that is not a day',
      { scope: 'staff', periodTo: '2026-02-30' },
      { periodTo: 'The last day must be a date, such as 2026-12-18.' },
    ],
    [
      'a date in another format',
      { scope: 'staff', periodFrom: '18/12/2026' },
      { periodFrom: 'The first day must be a date, such as 2026-12-18.' },
    ],
  ])('refuses %s', (_name, typed, errors) => {
    expect(validateAccessRequestInput({ ...TEXT, ...typed })).toEqual({ ok: false, errors });
  });
});

describe('every field of Appendix A has its own limit and message', () => {
  it.each<[string, number, string]>([
    ['siteContent', 1000, 'Site content must be 1000 characters or fewer.'],
    ['reasons', 1500, 'Reasons for access must be 1500 characters or fewer.'],
    ['risksAndControls', 1500, 'Identified risks and control measures must be 1500 characters or fewer.'],
  ])('%s: up to %i characters', (field, limit, message) => {
    expect(validateAccessRequestInput({ ...GOOD, [field]: 'x'.repeat(limit) }).ok).toBe(true);
    expect(validateAccessRequestInput({ ...GOOD, [field]: 'x'.repeat(limit + 1) })).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('says how to write the full URL', () => {
    expect(validateAccessRequestInput({ ...GOOD, url: 'www.example.org' })).toEqual({
      ok: false,
      errors: { url: 'Enter the full web address, starting with https:// or http:// (for example https://www.example.org/page).' },
    });
  });

  it.each<[string, { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, string]>(
    [
      ["the online safety lead's note", reviewNoteSchema, 'Note must be 1000 characters or fewer.'],
      ["the headteacher's reasons", reasonsSchema, 'Reasons must be 1000 characters or fewer.'],
      ['further risks and control measures', addedRisksSchema, 'Further risks and control measures must be 1000 characters or fewer.'],
    ],
  )('%s: optional, up to 1000 characters', (_field, schema, message) => {
    expect(schema.safeParse(undefined).data).toBe('');
    expect(schema.safeParse('x'.repeat(1000)).success).toBe(true);
    expect(schema.safeParse('x'.repeat(1001)).error?.issues[0]?.message).toBe(message);
  });
});

/** s.9 and Appendix A: the limits and the messages at each edge, word for word. */
describe('the access request form: exact limits and messages (s.9, Appendix A)', () => {
  it('the limits of each field', () => {
    expect(LIMITS).toEqual({ url: 2048, siteContent: 1000, reasons: 1500, risksAndControls: 1500, note: 1000, group: 60 });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    [
      'a URL over 2048 characters',
      { url: `https://example.org/${'a'.repeat(2048)}` },
      { url: 'Full URL must be 2048 characters or fewer.' },
    ],
    [
      'a URL with no address after the scheme',
      { url: 'https://' },
      { url: 'Enter the full web address, starting with https:// or http:// (for example https://www.example.org/page).' },
    ],
    [
      'a URL with a tab inside it',
      { url: 'https://example.org/a\tb' },
      { url: 'Enter the full web address, starting with https:// or http:// (for example https://www.example.org/page).' },
    ],
    [
      'a class name over 60 characters',
      { scope: 'class', scopeClass: 'x'.repeat(61) },
      { scopeClass: 'Class must be 60 characters or fewer.' },
    ],
    [
      'a year group over 60 characters',
      { scope: 'yearGroup', scopeYearGroup: 'x'.repeat(61) },
      { scopeYearGroup: 'Year group must be 60 characters or fewer.' },
    ],
    ['a class with only spaces', { scope: 'class', scopeClass: '   ' }, { scopeClass: 'Choose the class.' }],
    ['a last day with a time', { periodTo: '2026-12-18T10:00' }, { periodTo: 'The last day must be a date, such as 2026-12-18.' }],
  ])('refuses %s', (_name, typed, errors) => {
    expect(validateAccessRequestInput({ ...GOOD, ...typed })).toEqual({ ok: false, errors });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a class name of 60 characters', { scope: 'class', scopeClass: 'x'.repeat(60) }],
    ['a year group of 60 characters', { scope: 'yearGroup', scopeYearGroup: 'x'.repeat(60) }],
  ])('accepts %s', (_name, typed) => {
    expect(validateAccessRequestInput({ ...GOOD, ...typed }).ok).toBe(true);
  });

  it.each<[unknown, { ok: true; value: string } | { ok: false; message: string }]>([
    [undefined, { ok: true, value: '' }],
    [' 2026-12-18 ', { ok: true, value: '2026-12-18' }],
    ['18/12/2026', { ok: false, message: 'The earlier last day must be a date, such as 2026-12-18.' }],
    ['2026-12-32', { ok: false, message: 'The earlier last day must be a date, such as 2026-12-18.' }],
  ])("the headteacher's earlier last day %p", (typed, expected) => {
    const result = endDateSchema.safeParse(typed);
    expect(result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]?.message }).toEqual(expected);
  });
});
