/**
 * Importing pupils from the school's MIS export (data minimisation, policy s.4): row-level
 * errors before anything is imported, updates by reference without duplicates, leavers marked off
 * roll and never deleted.
 */
import { parseCsv } from '../../../../bot/src/domain/school/csv';
import { toIsoDate } from '../../../../bot/src/domain/calendar/dates';
import { guessMapping, planPupilImport, type ColumnMapping } from '../../../../bot/src/domain/school/pupil-import';
import type { Pupil } from '../../../../bot/src/domain/school/pupil';

const MAPPING: ColumnMapping = {
  misReference: 'UPN',
  displayName: 'Name',
  className: 'Reg Group',
  yearGroup: 'Year',
  onRollFrom: 'Admission Date',
};
const HEADER = 'UPN,Name,Reg Group,Year,Admission Date,Date of Birth,Address';
const rows = (...lines: string[]) => {
  const parsed = parseCsv([HEADER, ...lines].join('\r\n'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
};
const known: Pupil[] = [
  { id: '1', misReference: 'A1', displayName: 'Amelia Khan', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' },
  { id: '2', misReference: 'A2', displayName: 'Oliver Bennett', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' },
  {
    id: '3',
    misReference: 'A3',
    displayName: 'Isla Nowak',
    className: '4B',
    yearGroup: 'Year 4',
    onRollFrom: '2022-09-05',
    onRollTo: '2025-07-22',
  },
];

describe('reading CSV', () => {
  it.each<[string, string, string[][]]>([
    [
      'Windows line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted commas and doubled quotes', '"Khan, Amelia","say ""hi"""\n', [['Khan, Amelia', 'say "hi"']]],
    ['a line break inside quotes', '"two\nlines",x', [['two\nlines', 'x']]],
    [
      'a byte order mark and empty rows',
      '\uFEFFa,b\n\n,\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a row of spaces only', 'a\n , \nb', [['a'], ['b']]],
    ['old Mac line ends, then Windows ones', 'a\rb\r\nc', [['a'], ['b'], ['c']]],
    [
      'a last row ending in an empty cell, with no line end',
      'a,b\n1,',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
    ['a quote inside an unquoted cell', 'a"b,c', [['a"b', 'c']]],
    ['a byte order mark inside a cell', 'a,"b\uFEFF"', [['a', 'b\uFEFF']]],
  ])('reads %s', (_case, text, expected) => {
    expect(parseCsv(text)).toEqual({ ok: true, rows: expected });
  });

  it.each([
    ['after a plain line', 'a,b\n"unclosed,2\n3,4', 2],
    ['after Windows line ends', 'a,b\r\n1,2\r\n"unclosed', 3],
    ['after a line break inside quotes', '"two\nlines",x\n"unclosed', 3],
    ['after an empty line', 'a\n\n"unclosed', 3],
  ])('says where quoting is broken %s: line %i', (_case, text, line) => {
    expect(parseCsv(text)).toEqual({ ok: false, error: `The quoted cell that starts on line ${line} is never closed.` });
  });
});

describe('planning a pupil import', () => {
  it('guesses the usual MIS column names, and ignores everything else', () => {
    expect(guessMapping(HEADER.split(','))).toStrictEqual(MAPPING);
    const plan = planPupilImport(rows('B1,Zoë Müller,6A,Year 6,04/09/2019,01/02/2015,1 High Street'), MAPPING, [], '2026-11-24');
    expect(plan.create).toEqual([
      { misReference: 'B1', displayName: 'Zoë Müller', className: '6A', yearGroup: 'Year 6', onRollFrom: '2019-09-04' },
    ]);
  });

  it.each([
    [
      'Adno,Name,Reg,NC Year,Date of Admission',
      { misReference: 'Adno', displayName: 'Name', className: 'Reg', yearGroup: 'NC Year', onRollFrom: 'Date of Admission' },
    ],
    [
      'UPN,Preferred Name,Tutor Group,Year Group,Start Date',
      { misReference: 'UPN', displayName: 'Preferred Name', className: 'Tutor Group', yearGroup: 'Year Group', onRollFrom: 'Start Date' },
    ],
    ['Ref,Legal Name,Class,Year,DOB', { misReference: 'Ref', className: 'Class', yearGroup: 'Year' }],
  ])('guesses the columns of %s (and leaves the rest for the admin to choose)', (header, mapping) => {
    expect(guessMapping(header.split(','))).toStrictEqual(mapping);
  });

  it('updates by reference, keeps unchanged pupils, brings a returner back, and marks leavers off roll', () => {
    const plan = planPupilImport(
      rows('A1,Amelia Khan,5C,Year 5,05/09/2022', 'A3,Isla Nowak,5C,Year 5,05/09/2022', 'A4,Noah Williams,5C,Year 5,06/01/2026'),
      MAPPING,
      known,
      '2026-11-24',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.create.map((p) => p.misReference)).toEqual(['A4']);
    expect(plan.update).toEqual([
      { id: '1', misReference: 'A1', displayName: 'Amelia Khan', className: '5C', yearGroup: 'Year 5', onRollFrom: '2022-09-05' },
      { id: '3', misReference: 'A3', displayName: 'Isla Nowak', className: '5C', yearGroup: 'Year 5', onRollFrom: '2022-09-05' },
    ]);
    expect(plan.leave).toEqual([{ ...known[1], onRollTo: '2026-11-24' }]);
  });

  it('counts a pupil with nothing new as unchanged', () => {
    expect(
      planPupilImport(rows('A1,Amelia Khan,4B,Year 4,2022-09-05', 'A2,Oliver Bennett,4B,Year 4,05/09/2022'), MAPPING, known, '2026-11-24'),
    ).toMatchObject({ unchanged: 2, create: [], update: [], leave: [] });
  });

  it.each([
    ['A9,,4B,Year 4,05/09/2022', { line: 3, field: 'displayName', message: 'Name is empty.' }],
    [
      'A9,Ava Patel,4B,Year 4,31/02/2022',
      { line: 3, field: 'onRollFrom', message: 'Date of admission "31/02/2022" is not a date (use DD/MM/YYYY).' },
    ],
    ['A9,Ava Patel,4B,Year 4,next week', { line: 3, field: 'onRollFrom' }],
    [
      '=cmd|" /C calc"!A0,Ava Patel,4B,Year 4,05/09/2022',
      { line: 3, field: 'misReference', message: expect.stringMatching(/looks like a spreadsheet formula/) },
    ],
    ['A9,@SUM(1),4B,Year 4,05/09/2022', { line: 3, field: 'displayName' }],
    ['A9,Ava Patel,+4B,Year 4,05/09/2022', { line: 3, field: 'className' }],
  ])('refuses the whole file for a bad row: %s', (line, error) => {
    const plan = planPupilImport(rows('A1,Amelia Khan,4B,Year 4,05/09/2022', line), MAPPING, known, '2026-11-24');
    // Every error names the file's column and says how to put it right.
    expect(plan.errors).toEqual([
      expect.objectContaining({ ...error, column: MAPPING[error.field as keyof ColumnMapping], fix: expect.any(String) }),
    ]);
    expect(plan).toMatchObject({ create: [], update: [], leave: [] });
  });

  it('names both lines of a duplicated reference', () => {
    const plan = planPupilImport(
      rows('A5,Ava Patel,4B,Year 4,05/09/2022', 'A5,Leo Murphy,4B,Year 4,05/09/2022'),
      MAPPING,
      [],
      '2026-11-24',
    );
    expect(plan.errors).toEqual([
      {
        line: 3,
        field: 'misReference',
        column: 'UPN',
        message: 'Pupil reference A5 is also on line 2.',
        fix: expect.stringMatching(/remove the repeated row/),
      },
    ]);
  });

  it('says which mapped column is missing from the file, and nothing about the rows', () => {
    expect(
      planPupilImport(
        rows('A9,Ava Patel,4B,Year 4,05/09/2022', 'A10,,4B,Year 4,05/09/2022'),
        { ...MAPPING, className: 'Class' },
        [],
        '2026-11-24',
      ).errors,
    ).toEqual([
      {
        line: 1,
        field: 'className',
        column: 'Class',
        message: 'No column "Class" for Class.',
        fix: 'Choose the column that holds the class in the column mapping.',
      },
    ]);
  });

  it.each([
    ['05/09/2022', '2022-09-05'],
    ['5/9/2022', '2022-09-05'],
    ['2022-09-05', '2022-09-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', undefined],
    ['09/05', undefined],
  ])('reads the date %s as %s', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });
});

describe('what counts as a change, and who has left', () => {
  const amelia = known[0]!;
  it.each<[string, string, boolean]>([
    ['the same row', 'A1,Amelia Khan,4B,Year 4,05/09/2022', false],
    ['a new name', 'A1,Amelia Khan-Ross,4B,Year 4,05/09/2022', true],
    ['a new class', 'A1,Amelia Khan,4C,Year 4,05/09/2022', true],
    ['a new year group', 'A1,Amelia Khan,4B,Year 5,05/09/2022', true],
    ['a corrected admission date', 'A1,Amelia Khan,4B,Year 4,06/09/2022', true],
  ])('%s: updated %s', (_case, line, updated) => {
    const plan = planPupilImport(rows(line), MAPPING, [amelia], '2026-11-24');
    expect(plan.update.map((pupil) => pupil.id)).toEqual(updated ? ['1'] : []);
    expect(plan.unchanged).toBe(updated ? 0 : 1);
  });

  it('never marks as left a pupil who left already, or one the school added by hand (no reference)', () => {
    const byHand = { id: '9', displayName: 'Grace Obi', className: '4B', yearGroup: 'Year 4', onRollFrom: '2025-09-03' };
    const plan = planPupilImport(rows('A1,Amelia Khan,4B,Year 4,05/09/2022'), MAPPING, [...known, byHand], '2026-11-24');
    expect(plan.leave.map((pupil) => pupil.id)).toEqual(['2']);
  });

  it('does not match a new pupil to a pupil added by hand', () => {
    const byHand = { id: '9', displayName: 'Grace Obi', className: '4B', yearGroup: 'Year 4', onRollFrom: '2025-09-03', misReference: '' };
    expect(planPupilImport(rows(',Grace Obi,4B,Year 4,03/09/2025'), MAPPING, [byHand], '2026-11-24').errors).toEqual([
      expect.objectContaining({ field: 'misReference', message: 'Pupil reference (UPN or admission number) is empty.' }),
    ]);
  });
});

describe('what a bad row says, and how to fix it', () => {
  it.each<[string, string, { field: string; message: string; fix: string }]>([
    [
      'an empty cell',
      'A9,Ava Patel,,Year 4,05/09/2022',
      { field: 'className', message: 'Class is empty.', fix: 'Fill it in, or take the row out if this is not a pupil on roll.' },
    ],
    [
      'a formula, quoted at most 20 characters',
      'A9,-2+3+cmd|/C calc!A0+and more,4B,Year 4,05/09/2022',
      {
        field: 'displayName',
        message: 'Name "-2+3+cmd|/C calc!A0+" looks like a spreadsheet formula; correct it in the file.',
        fix: 'Remove the = + - or @ at the start of the cell, or type the real value.',
      },
    ],
    [
      'a cell over 100 characters',
      `A9,${'x'.repeat(101)},4B,Year 4,05/09/2022`,
      { field: 'displayName', message: 'Name is longer than 100 characters.', fix: 'Shorten it to 100 characters or fewer.' },
    ],
    [
      'a date that is not a day',
      'A9,Ava Patel,4B,Year 4,31/02/2022',
      {
        field: 'onRollFrom',
        message: 'Date of admission "31/02/2022" is not a date (use DD/MM/YYYY).',
        fix: 'Write a day that exists as DD/MM/YYYY, for example 04/09/2023.',
      },
    ],
  ])('%s', (_case, line, error) => {
    expect(planPupilImport(rows(line), MAPPING, [], '2026-11-24').errors).toEqual([
      { line: 2, column: MAPPING[error.field as keyof ColumnMapping], ...error },
    ]);
  });

  it('a name of exactly 100 characters is fine', () => {
    expect(planPupilImport(rows(`A9,${'x'.repeat(100)},4B,Year 4,05/09/2022`), MAPPING, [], '2026-11-24').errors).toEqual([]);
  });

  it('a short row is read as empty cells, and every missing column is named at once', () => {
    expect(planPupilImport(rows('A9,Ava Patel'), MAPPING, [], '2026-11-24').errors.map((error) => error.field)).toEqual([
      'className',
      'yearGroup',
      'onRollFrom',
    ]);
    const noColumns = planPupilImport([['Surname']], MAPPING, [], '2026-11-24');
    expect(noColumns.errors.map((error) => error.field)).toEqual(['misReference', 'displayName', 'className', 'yearGroup', 'onRollFrom']);
    expect(noColumns).toMatchObject({ create: [], update: [], leave: [], unchanged: 0 });
  });

  it('an empty file lacks every column', () => {
    expect(planPupilImport([], MAPPING, [], '2026-11-24').errors.map((error) => error.message)).toEqual([
      'No column "UPN" for Pupil reference (UPN or admission number).',
      'No column "Name" for Name.',
      'No column "Reg Group" for Class.',
      'No column "Year" for Year group.',
      'No column "Admission Date" for Date of admission.',
    ]);
  });

  it('reads cells without the spaces around them', () => {
    expect(
      planPupilImport([HEADER.split(','), [' A9 ', ' Ava Patel ', ' 4B', 'Year 4 ', ' 05/09/2022 ']], MAPPING, [], '2026-11-24').create,
    ).toEqual([{ misReference: 'A9', displayName: 'Ava Patel', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' }]);
  });

  it('reads the header with spaces around the names', () => {
    expect(
      planPupilImport(
        [
          [' UPN ', ' Name', 'Reg Group ', 'Year', 'Admission Date'],
          ['A9', 'Ava Patel', '4B', 'Year 4', '05/09/2022'],
        ],
        MAPPING,
        [],
        '2026-11-24',
      ).create,
    ).toHaveLength(1);
  });

  it.each<[keyof ColumnMapping, string[]]>([
    ['misReference', ['UPN', 'Adno', 'Admission No', 'AdmissionNo', 'Reference', 'Ref', 'Pupil ID', 'PupilID', 'ID']],
    [
      'displayName',
      ['Name', 'Pupil Name', 'PupilName', 'Full Name', 'FullName', 'Preferred Name', 'PreferredName', 'Display Name', 'DisplayName'],
    ],
    [
      'className',
      ['Class', 'Reg', 'Reg Group', 'RegGroup', 'Registration Group', 'RegistrationGroup', 'Form', 'Tutor Group', 'TutorGroup'],
    ],
    ['yearGroup', ['Year', 'Year Group', 'YearGroup', 'NC Year', 'NCYear', 'NCY']],
    [
      'onRollFrom',
      [
        'Admission Date',
        'AdmissionDate',
        'Date of Admission',
        'DateOfAdmission',
        'On Roll From',
        'OnRollFrom',
        'Start Date',
        'StartDate',
        'DOA',
      ],
    ],
  ])('guesses the %s column from any of its usual names, spaced or not', (field, names) => {
    for (const name of names) expect(guessMapping([name])).toStrictEqual({ [field]: name });
  });

  it('guesses a column whatever its spaces and case, and never from part of a name', () => {
    expect(guessMapping(['Preferred Name', 'Admission  No', ' REG GROUP ', 'NCY', 'DOA'])).toEqual({
      misReference: 'Admission  No',
      displayName: 'Preferred Name',
      className: ' REG GROUP ',
      yearGroup: 'NCY',
      onRollFrom: 'DOA',
    });
    expect(guessMapping(['Referral', 'Named contact', 'Classroom', 'Years at school', 'Start date of trip'])).toStrictEqual({});
    expect(guessMapping(['Previous school ID', 'Parent Name', 'Previous Class', 'Leaving Year', 'Previous Start Date'])).toStrictEqual({});
  });
});

describe('dates as MIS exports write them', () => {
  it.each<[string, string | undefined]>([
    ['00/09/2022', undefined],
    ['05/00/2022', undefined],
    ['05/13/2022', undefined],
    ['0000-09-05', undefined],
    ['2022-9-05', undefined],
    ['2022-09-05x', undefined],
    ['x2022-09-05', undefined],
    ['05/09/20221', undefined],
    ['x05/09/2022', undefined],
    ['05/09/22', undefined],
    ['31/12/2022', '2022-12-31'],
  ])('reads %s as %s', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });
});
