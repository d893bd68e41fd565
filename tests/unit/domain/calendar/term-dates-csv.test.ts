/**
 * Term dates from a CSV as a local authority publishes them, and as typed on the School settings
 * page: what is accepted, what each wrong line is told, and that a file replaces only its own
 * school years. Nothing is planned (so nothing is saved) while any line is wrong.
 */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { planTermDatesImport } from '../../../../bot/src/domain/calendar/term-dates-csv';
import {
  MAX_TERM_DATE_ENTRIES,
  toCalendar,
  toEntries,
  validateTermDates,
  type TermDateEntry,
} from '../../../../bot/src/domain/calendar/term-date-entries';
import { TERM_DATES } from '../../../fixtures/term-dates';

const EMPTY: SchoolCalendar = { terms: [], closures: [] };

const LA_FILE = [
  'Name,Start,End,Type',
  'Autumn term,02/09/2027,17/12/2027,term',
  'Half term,25/10/2027,29/10/2027,closure',
  'Spring term,04/01/2028,07/04/2028,term',
  'Summer term,24/04/2028,21/07/2028,term',
  'Early May bank holiday,01/05/2028,,closure',
].join('\r\n');

describe('reading a term dates file', () => {
  it('reads the documented shape: terms, closures, the school year it covers', () => {
    const planned = planTermDatesImport(LA_FILE, EMPTY);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.years).toEqual(['2027-28']);
    expect(planned.plan.calendar.terms.map((term) => [term.name, term.start, term.end])).toEqual([
      ['Autumn term', '2027-09-02', '2027-12-17'],
      ['Spring term', '2028-01-04', '2028-04-07'],
      ['Summer term', '2028-04-24', '2028-07-21'],
    ]);
    // An empty End is a one-day closure.
    expect(planned.plan.calendar.closures.map((closure) => [closure.name, closure.start, closure.end])).toEqual([
      ['Half term', '2027-10-25', '2027-10-29'],
      ['Early May bank holiday', '2028-05-01', '2028-05-01'],
    ]);
  });

  it.each([
    ['no header row (Name, Start, End, Type)', 'Autumn term,02/09/2027,17/12/2027,term\nHalf term,25/10/2027,29/10/2027,closure'],
    [
      'other header words, in another order, with spaces and a byte order mark',
      '\uFEFF From , To , Description , Category \n 02/09/2027 , 17/12/2027 , Autumn term , Term \n25/10/2027,29/10/2027,Half term,Closure',
    ],
    [
      'ISO dates, blank lines, and the type left for the names to tell',
      'Name,Start,End\n\nAutumn term,2027-09-02,2027-12-17\n  \nHalf term,2027-10-25,2027-10-29\n',
    ],
    [
      'quoted names with commas, and single-digit days',
      'Name,Start,End,Type\n"Autumn term, first half",2/9/2027,22/10/2027,term\nHalf term,25/10/2027,29/10/2027,closure',
    ],
  ])('is forgiving: %s', (_case, csv) => {
    const planned = planTermDatesImport(csv, EMPTY);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.entries.map((entry) => [entry.kind, entry.start])).toEqual([
      ['term', '2027-09-02'],
      ['closure', '2027-10-25'],
    ]);
  });

  it.each([
    ['INSET day', 'closure'],
    ['Staff training day', 'closure'],
    ['Christmas holiday', 'closure'],
    ['Summer half-term', 'closure'],
    ['Spring term 2', 'term'],
  ])('reads "%s" as a %s when there is no Type', (name, kind) => {
    const planned = planTermDatesImport(`Name,Start,End\nAutumn term,02/09/2027,17/12/2027\n${name},03/09/2027,03/09/2027`, EMPTY);
    if (kind === 'term')
      expect(planned).toMatchObject({
        ok: false,
        problems: [{ line: 3, message: expect.stringContaining('Overlaps the term "Autumn term"') }],
      });
    else expect(planned).toMatchObject({ ok: true, plan: { entries: [{ kind: 'term' }, { kind, name }] } });
  });

  it('reads a line that leaves out its last cells (a spreadsheet drops empty ones) by its name', () => {
    expect(
      planTermDatesImport('Name,Start,End,Type\nAutumn term,02/09/2027,17/12/2027,term\nHalf term,25/10/2027,29/10/2027', EMPTY),
    ).toMatchObject({
      ok: true,
      plan: { entries: [{ kind: 'term' }, { kind: 'closure', name: 'Half term' }] },
    });
  });

  it.each([
    [
      'a day that does not exist',
      'Autumn term,31/09/2027,17/12/2027,term',
      2,
      '"31/09/2027" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    ['an American date', 'Autumn term,09/15/2027,17/12/2027,term', 2, '"09/15/2027" is not a date'],
    ['a missing first day', 'Autumn term,,17/12/2027,term', 2, 'The first day is missing'],
    [
      'a last day before the first',
      'Autumn term,17/12/2027,02/09/2027,term',
      2,
      'The last day (2 September 2027) is before the first day (17 December 2027).',
    ],
    ['an unknown type', 'Autumn term,02/09/2027,17/12/2027,holidays maybe', 2, 'Type "holidays maybe" is neither term nor closure.'],
    [
      'a name that says neither',
      'Sports week,02/09/2027,17/12/2027,',
      2,
      'Say whether "Sports week" is a term or a closure: add a Type column with term or closure.',
    ],
    ['hidden characters in a name', 'Autumn\u202E term,02/09/2027,17/12/2027,term', 2, 'Name contains hidden control characters'],
  ])('refuses %s, saying which line and why', (_case, line, at, message) => {
    expect(planTermDatesImport(`Name,Start,End,Type\n${line}`, EMPTY)).toEqual({
      ok: false,
      problems: [{ line: at, message: expect.stringContaining(message) }],
    });
  });

  it('reports every wrong line at once, by the line number a spreadsheet shows, and plans nothing', () => {
    const csv = [
      'Name,Start,End,Type',
      'Autumn term,02/09/2027,17/12/2027,term',
      '',
      'Half term,25/10/2027,29/13/2027,closure',
      'Spring term,04/01/2028,07/04/2028,term',
      'Spring again,01/04/2028,20/04/2028,term',
    ].join('\n');
    expect(planTermDatesImport(csv, EMPTY)).toEqual({
      ok: false,
      problems: [{ line: 4, message: expect.stringContaining('"29/13/2027" is not a date') }],
    });
    const overlapping = csv.replace('29/13/2027', '29/10/2027');
    expect(planTermDatesImport(overlapping, EMPTY)).toEqual({
      ok: false,
      problems: [{ line: 6, message: 'Overlaps the term "Spring term" (4 January 2028 to 7 April 2028).' }],
    });
  });

  it.each([
    ['an empty file', '', 'The file has no term dates in it.'],
    ['a header and nothing under it', 'Name,Start,End,Type\n', 'The file has a header row but no term dates under it.'],
    ['a header without a Start column', 'Name,Begin,End\nAutumn term,02/09/2027,17/12/2027', 'The header row has no Start column'],
    [
      'a closure in a year with no term',
      'Name,Start,End,Type\nHalf term,25/10/2027,29/10/2027,closure',
      'There is no term in 2027-28 for this closure to fall in',
    ],
    ['broken quotes', 'Name,Start,End\n"Autumn term,02/09/2027,17/12/2027', 'never closed'],
  ])('refuses %s', (_case, csv, message) => {
    expect(planTermDatesImport(csv, EMPTY)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining(message) }] });
  });
});

describe('importing into the term dates on record', () => {
  it("replaces the file's own school year and keeps the others", () => {
    const csv =
      'Name,Start,End,Type\nAutumn 2026,03/09/2026,18/12/2026,term\nINSET day,03/09/2026,,closure\nSpring 2027,04/01/2027,26/03/2027,term\nSummer 2027,12/04/2027,21/07/2027,term';
    const planned = planTermDatesImport(csv, TERM_DATES);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.years).toEqual(['2026-27']);
    expect(planned.plan.replacing).toBe(7);
    expect(planned.plan.calendar.terms.map((term) => term.name)).toEqual([
      'Autumn 2025',
      'Spring 2026',
      'Summer 2026',
      'Autumn 2026',
      'Spring 2027',
      'Summer 2027',
    ]);
    expect(planned.plan.calendar.terms.find((term) => term.name === 'Autumn 2026')!.start).toBe('2026-09-03');
    expect(planned.plan.calendar.closures.map((closure) => closure.name)).toEqual([
      'Half term',
      'Half term',
      'Early May bank holiday',
      'Half term',
      'INSET day',
    ]);
  });

  it('refuses a line that runs into a year the file does not replace, on that line', () => {
    // 2025-26's summer term, its last day mistyped as September, runs into the autumn term of 2026-27.
    const csv = 'Name,Start,End,Type\nAutumn 2025,03/09/2025,19/12/2025,term\nSummer 2026,13/04/2026,05/09/2026,term';
    expect(planTermDatesImport(csv, TERM_DATES)).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'Overlaps "Autumn 2026" (2 September 2026 to 18 December 2026), which stays as it is in 2026-27.' }],
    });
  });

  it('takes a file that covers several school years, replacing each of them', () => {
    const planned = planTermDatesImport(
      `${LA_FILE}
Autumn 2026,02/09/2026,18/12/2026,term`,
      TERM_DATES,
    );
    expect(planned).toMatchObject({ ok: true, plan: { years: ['2026-27', '2027-28'], replacing: 7 } });
  });
});

describe('term dates as typed on the page', () => {
  it('puts each problem next to its line and field', () => {
    const checked = validateTermDates([
      { kind: 'term', name: 'Autumn', start: '2027-09-02', end: '2027-12-17' },
      { kind: 'holiday', name: '', start: '2027-10-25', end: 'soon' },
      { kind: 'term', name: 'Autumn again', start: '2027-12-01', end: '2027-12-20' },
    ]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { index: 1, field: 'kind', message: 'Choose term or closure.' },
        { index: 1, field: 'name', message: 'Name is required.' },
        { index: 1, field: 'end', message: 'Last day must be a real day (DD/MM/YYYY or YYYY-MM-DD).' },
      ],
    });
  });

  it('accepts a closure inside a term and a closure that ends on the first day of the next', () => {
    expect(
      validateTermDates([
        { kind: 'term', name: 'Autumn', start: '2027-09-02', end: '2027-12-17' },
        { kind: 'closure', name: 'INSET day', start: '2027-09-02', end: '2027-09-02' },
        { kind: 'closure', name: 'Half term', start: '2027-10-25', end: '2027-10-29' },
      ]),
    ).toMatchObject({ ok: true });
  });
});

describe('the header words a local authority may use', () => {
  const read = (header: string, line: string) => {
    const planned = planTermDatesImport(`${header}\n${line}`, EMPTY);
    return planned.ok
      ? planned.plan.entries.map((entry) => `${entry.kind} ${entry.name} ${entry.start} ${entry.end}`)
      : planned.problems.map((problem) => problem.message);
  };
  const AUTUMN = ['term Autumn term 2027-09-02 2027-12-17'];

  // After a column of notes, which would hold the names if the word were not known (below).
  it.each(['Name', 'Event', 'Description', 'Title', 'Period', 'Term', 'Holiday', 'What', 'Details'])(
    '"%s" names the column of names',
    (word) => {
      expect(read(`Notes,Start,End,Type,${word}`, 'Harvest festival,02/09/2027,17/12/2027,term,Autumn term')).toEqual(AUTUMN);
    },
  );

  it.each(['Start', 'Start date', 'From', 'First day', 'Begins', 'Starts', 'Date from'])('"%s" names the column of first days', (word) => {
    expect(read(`Name,End,${word},Type`, 'Autumn term,17/12/2027,02/09/2027,term')).toEqual(AUTUMN);
  });

  it.each(['End', 'End date', 'To', 'Last day', 'Ends', 'Until', 'Date to'])('"%s" names the column of last days', (word) => {
    expect(read(`Name,${word},Start,Type`, 'Autumn term,17/12/2027,02/09/2027,term')).toEqual(AUTUMN);
  });

  it.each(['Type', 'Kind', 'Category'])('"%s" names the column saying term or closure', (word) => {
    expect(read(`${word},Name,Start,End`, 'term,Harvest,02/09/2027,17/12/2027')).toEqual(['term Harvest 2027-09-02 2027-12-17']);
  });

  it('a column whose title is none of these holds the names', () => {
    expect(read('Term name,Start,End,Type', 'Autumn term,02/09/2027,17/12/2027,term')).toEqual(AUTUMN);
  });

  it('of two columns with words for the same thing, the first is read', () => {
    expect(read('Event,Start,End,Details', 'Autumn term,02/09/2027,17/12/2027,Harvest festival on the 1st')).toEqual(AUTUMN);
  });

  it.each([
    ['no End column', 'Name,Start,Finish', 'The header row has no End column (or To, or Last day): name the columns Name,Start,End,Type.'],
    ['no column left for the names', 'Start,End', 'The header row has no Name column: name the columns Name,Start,End,Type.'],
  ])('a header with %s is refused, saying which', (_case, header, message) => {
    expect(read(header, '02/09/2027,17/12/2027')).toEqual([message]);
  });

  it('a file without a header whose dates have spaces around them is read as lines, not as a header', () => {
    expect(read('Autumn term, 02/09/2027 , 17/12/2027 ,term', 'Half term,25/10/2027,29/10/2027,closure')).toEqual([
      ...AUTUMN,
      'closure Half term 2027-10-25 2027-10-29',
    ]);
  });
});

describe('term or closure, from the Type column or the name', () => {
  it.each(['closure', 'Closed', 'Holiday', 'Half term', 'INSET', 'INSET day', 'Training day', 'Bank holiday'])(
    'a Type of "%s" is a closure',
    (type) => {
      const planned = planTermDatesImport(
        `Name,Start,End,Type\nAutumn term,02/09/2027,17/12/2027,term\nSports week,01/10/2027,01/10/2027,${type}`,
        EMPTY,
      );
      expect(planned.ok && planned.plan.entries.map((entry) => entry.kind)).toEqual(['term', 'closure']);
    },
  );

  it.each(['Halfterm', 'Half  term', 'Autumn half-term', 'Bank holiday Monday', 'Closure for the election', 'School closed'])(
    'a line named "%s" with no Type is a closure',
    (name) => {
      const planned = planTermDatesImport(`Name,Start,End\nAutumn term,02/09/2027,17/12/2027\n${name},01/10/2027,01/10/2027`, EMPTY);
      expect(planned.ok && planned.plan.entries.map((entry) => entry.kind)).toEqual(['term', 'closure']);
    },
  );
});

describe('a file checked against the term dates on record', () => {
  it('lists its own lines in date order, whatever order it gives them in, and only those', () => {
    const planned = planTermDatesImport(
      'Name,Start,End,Type\nSpring 2028,04/01/2028,07/04/2028,term\nAutumn 2027,02/09/2027,17/12/2027,term',
      TERM_DATES,
    );
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.entries.map((entry) => entry.name)).toEqual(['Autumn 2027', 'Spring 2028']);
    expect(planned.plan.replacing).toBe(0);
  });

  it('an earlier school year slots in before the years on record', () => {
    const planned = planTermDatesImport('Name,Start,End,Type\nSummer 2025,22/04/2025,22/07/2025,term', TERM_DATES);
    expect(planned.ok && planned.plan.calendar.terms.slice(0, 2).map((term) => term.name)).toEqual(['Summer 2025', 'Autumn 2025']);
  });

  it("reports a clash between two of the file's lines on the later line, with the years on record kept", () => {
    const csv = 'Name,Start,End,Type\nAutumn 2027,02/09/2027,17/12/2027,term\nAutumn again,01/12/2027,20/12/2027,term';
    expect(planTermDatesImport(csv, TERM_DATES)).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'Overlaps the term "Autumn 2027" (2 September 2027 to 17 December 2027).' }],
    });
  });

  it("lists the file's problems in the order of its lines", () => {
    const csv =
      'Name,Start,End,Type\nHalf term,26/10/2029,30/10/2029,closure\nAutumn 2027,02/09/2027,17/12/2027,term\nAutumn again,01/12/2027,20/12/2027,term';
    const planned = planTermDatesImport(csv, TERM_DATES);
    expect(planned.ok ? [] : planned.problems.map((problem) => problem.line)).toEqual([2, 4]);
  });
});

describe('term dates as typed: each entry', () => {
  const autumn = { kind: 'term', name: 'Autumn', start: '2027-09-02', end: '2027-12-17' };
  const problems = (...raw: unknown[]) => {
    const checked = validateTermDates(raw);
    return checked.ok ? [] : checked.problems.map(({ index, field, message }) => `${index} ${field}: ${message}`);
  };

  it.each<[string, unknown, string[]]>([
    [
      'not an entry at all',
      'Autumn',
      ['1 kind: Choose term or closure.', '1 name: Name is required.', '1 start: First day is required.', '1 end: Last day is required.'],
    ],
    [
      'nothing',
      null,
      ['1 kind: Choose term or closure.', '1 name: Name is required.', '1 start: First day is required.', '1 end: Last day is required.'],
    ],
    [
      'a first day that is not a day',
      { ...autumn, start: '2027-02-30' },
      ['1 start: First day must be a real day (DD/MM/YYYY or YYYY-MM-DD).'],
    ],
    [
      'a name too long with a hidden character in it: one message for the name',
      { ...autumn, name: `${'x'.repeat(60)}\u202E` },
      ['1 name: Name must be 60 characters or fewer.'],
    ],
  ])('%s', (_case, entry, expected) => {
    expect(problems(autumn, entry)).toEqual(expected);
  });

  it.each<[string, TermDateEntry, TermDateEntry, string[]]>([
    [
      'two closures sharing a day',
      { kind: 'closure', name: 'INSET day', start: '2027-10-25', end: '2027-10-25' },
      { kind: 'closure', name: 'Half term', start: '2027-10-25', end: '2027-10-29' },
      ['2 start: Overlaps the closure "INSET day" (25 October 2027 to 25 October 2027).'],
    ],
    [
      'a term starting on the last day of another',
      { kind: 'term', name: 'Spring', start: '2028-01-04', end: '2028-04-07' },
      { kind: 'term', name: 'Summer', start: '2028-04-07', end: '2028-07-21' },
      ['2 start: Overlaps the term "Spring" (4 January 2028 to 7 April 2028).'],
    ],
    [
      'a term starting the day after another ends',
      { kind: 'term', name: 'Spring', start: '2028-01-04', end: '2028-04-07' },
      { kind: 'term', name: 'Summer', start: '2028-04-08', end: '2028-07-21' },
      [],
    ],
  ])('%s', (_case, first, second, expected) => {
    expect(problems(autumn, first, second)).toEqual(expected);
  });

  it(`takes up to ${MAX_TERM_DATE_ENTRIES} lines, and says so beyond`, () => {
    const closures = Array.from({ length: MAX_TERM_DATE_ENTRIES - 1 }, (_, i) => ({
      kind: 'closure',
      name: `Day ${i}`,
      start: '2027-09-02',
      end: '2027-09-02',
    }));
    expect(problems(autumn, ...closures)).not.toContain(
      `${MAX_TERM_DATE_ENTRIES} name: At most ${MAX_TERM_DATE_ENTRIES} lines of term dates.`,
    );
    expect(problems(autumn, ...closures, autumn)).toEqual([
      `${MAX_TERM_DATE_ENTRIES} name: At most ${MAX_TERM_DATE_ENTRIES} lines of term dates.`,
    ]);
  });
});

describe('the calendar as one list, and back', () => {
  it('lists terms and closures in date order, a term before a closure that starts on its first day', () => {
    const calendar = {
      terms: [
        { name: 'Spring', start: '2028-01-04', end: '2028-04-07' },
        { name: 'Autumn', start: '2027-09-02', end: '2027-12-17' },
      ],
      closures: [
        { name: 'Half term', start: '2027-10-25', end: '2027-10-29' },
        { name: 'INSET day', start: '2027-09-02', end: '2027-09-02' },
      ],
    };
    expect(toEntries(calendar).map((entry) => `${entry.kind} ${entry.name}`)).toEqual([
      'term Autumn',
      'closure INSET day',
      'closure Half term',
      'term Spring',
    ]);
  });

  it('puts terms and closures each in date order', () => {
    const entries: TermDateEntry[] = [
      { kind: 'term', name: 'Spring', start: '2028-01-04', end: '2028-04-07' },
      { kind: 'closure', name: 'Half term', start: '2027-10-25', end: '2027-10-29' },
      { kind: 'term', name: 'Autumn', start: '2027-09-02', end: '2027-12-17' },
      { kind: 'closure', name: 'INSET day', start: '2027-09-02', end: '2027-09-02' },
    ];
    expect(toCalendar(entries)).toEqual({
      terms: [
        { name: 'Autumn', start: '2027-09-02', end: '2027-12-17' },
        { name: 'Spring', start: '2028-01-04', end: '2028-04-07' },
      ],
      closures: [
        { name: 'INSET day', start: '2027-09-02', end: '2027-09-02' },
        { name: 'Half term', start: '2027-10-25', end: '2027-10-29' },
      ],
    });
  });
});

/** Closures are not working days: they pause the working-day clocks of concerns (s.8) and unblocks (s.9). */
describe('the words that make a line a closure or a term (s.8, s.9 working days)', () => {
  const kindOf = (type: string, name = 'Day off') => {
    const planned = planTermDatesImport(
      `Name,Start,End,Type\nAutumn term,02/09/2027,17/12/2027,term\n${name},25/10/2027,25/10/2027,${type}`,
      EMPTY,
    );
    return planned.ok ? planned.plan.entries.map((entry) => entry.kind) : planned.problems.map((problem) => problem.message);
  };

  it.each(['closure', 'Closed', 'holiday', 'Half term', 'half-term', 'INSET', 'INSET day', 'Training day', 'Bank holiday'])(
    'the type "%s" is a closure',
    (type) => {
      expect(kindOf(type)).toEqual(['term', 'closure']);
    },
  );

  it.each([
    'Half term',
    'Half-term break',
    'Half  term',
    'Christmas holiday',
    'Inset',
    'Staff training day',
    'Closure for voting',
    'School closed',
    'Bank Holiday Monday',
  ])('with no type, the name "%s" is a closure', (name) => {
    expect(kindOf('', name)).toEqual(['term', 'closure']);
  });

  it.each([
    ['a type that is a closure word with more after it', 'closures', 'Type "closures" is neither term nor closure.'],
    ['a type that only starts like a closure word', 'bank', 'Type "bank" is neither term nor closure.'],
    ['a name that is neither', '', 'Say whether "Day off" is a term or a closure: add a Type column with term or closure.'],
  ])('%s is refused', (_case, type, message) => {
    expect(kindOf(type)).toEqual([message]);
  });

  it.each([
    [
      '"term" inside a longer word is not a term',
      'Termly trip',
      'Say whether "Termly trip" is a term or a closure: add a Type column with term or closure.',
    ],
    ['"Term" as a word is a term', 'Summer Term', 'term'],
  ])('%s', (_case, name, expected) => {
    const planned = planTermDatesImport(`Name,Start,End\n${name},24/04/2028,21/07/2028`, EMPTY);
    expect(planned.ok ? planned.plan.entries.map((entry) => entry.kind) : planned.problems.map((problem) => problem.message)).toEqual([
      expected,
    ]);
  });
});

describe('what a wrong date is told, word for word', () => {
  const problems = (line: string) => {
    const planned = planTermDatesImport(`Name,Start,End,Type\n${line}`, EMPTY);
    return planned.ok ? [] : planned.problems.map((problem) => problem.message);
  };

  it.each([
    [
      'a missing first day',
      'Autumn term,,17/12/2027,term',
      'The first day is missing: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'a last day that is not a date',
      'Autumn term,02/09/2027,17-12-2027,term',
      '"17-12-2027" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'a three-digit day',
      'Autumn term,002/09/2027,17/12/2027,term',
      '"002/09/2027" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'a two-digit year',
      'Autumn term,02/09/27,17/12/2027,term',
      '"02/09/27" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'a date with more after it',
      'Autumn term,02/09/2027x,17/12/2027,term',
      '"02/09/2027x" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'an ISO date with a one-digit month',
      'Autumn term,2027-9-02,17/12/2027,term',
      '"2027-9-02" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
    [
      'an ISO date with a time',
      'Autumn term,2027-09-02T08:00,17/12/2027,term',
      '"2027-09-02T08:00" is not a date: write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD.',
    ],
  ])('%s', (_case, line, message) => {
    expect(problems(line)).toEqual([message]);
  });

  it('a header without a Start column says how to name the columns', () => {
    expect(planTermDatesImport('Name,Begin,End\nAutumn term,02/09/2027,17/12/2027', EMPTY)).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'The header row has no Start column (or From, or First day): name the columns Name,Start,End,Type.' }],
    });
  });

  it('at most 300 lines of term dates', () => {
    expect(MAX_TERM_DATE_ENTRIES).toBe(300);
  });
});
