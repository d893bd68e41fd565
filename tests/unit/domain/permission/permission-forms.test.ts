/**
 * What each permission's form must say before the headteacher sees it (s.5, s.7), and the one rule
 * for all of them: no field holds a password.
 */
import type { PermissionType } from '../../../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import { looksLikeAPassword } from '../../../../bot/src/domain/validation/no-password';

const TODAY = '2026-11-24';
const read = (type: PermissionType, form: unknown) => PERMISSION_WORKFLOWS[type].submission.read(form, TODAY);

const STAFF_OK = {
  where: 'schoolDevice',
  device: 'iPad 14',
  platform: 'YouTube',
  purpose: 'Showing our channel in a lesson',
  lasts: 'standing',
};
const PUPILS_OK = {
  className: '6A',
  platform: 'Padlet',
  purpose: 'Sharing reviews',
  startDate: '2026-11-30',
  endDate: '2026-12-18',
  supervisorId: '12',
};
const PASSWORD_OK = { accountId: '3', sharedWithId: '9', reason: 'Covering the account while I am away', until: '2026-12-04' };

describe.each<[PermissionType, Record<string, string>, string, Record<string, string>, Record<string, RegExp>]>([
  ['staffPersonalAccount', STAFF_OK, 'a school device, standing', {}, {}],
  ['staffPersonalAccount', STAFF_OK, 'the WiFi on their own device: no school device needed', { where: 'schoolWifi', device: '' }, {}],
  ['staffPersonalAccount', STAFF_OK, 'a school device not named', { device: '' }, { device: /school device/ }],
  [
    'staffPersonalAccount',
    STAFF_OK,
    'for a period with its dates',
    { lasts: 'period', startDate: '2026-11-30', endDate: '2027-02-12' },
    {},
  ],
  ['staffPersonalAccount', STAFF_OK, 'for a period without dates', { lasts: 'period' }, { startDate: /start date/, endDate: /end date/ }],
  [
    'staffPersonalAccount',
    STAFF_OK,
    'a period that ends before it starts',
    { lasts: 'period', startDate: '2026-12-10', endDate: '2026-12-01' },
    { endDate: /on or after the start date/ },
  ],
  [
    'staffPersonalAccount',
    STAFF_OK,
    'a period longer than a school year',
    { lasts: 'period', startDate: '2026-12-01', endDate: '2028-01-01' },
    { endDate: /school year at most/ },
  ],
  [
    'staffPersonalAccount',
    STAFF_OK,
    'a period that began yesterday (s.5)',
    { lasts: 'period', startDate: '2026-11-23', endDate: '2026-12-18' },
    { startDate: /past/ },
  ],
  [
    'staffPersonalAccount',
    STAFF_OK,
    'standing: dates left on the form are not checked (s.5)',
    { lasts: 'standing', startDate: '2026-11-02', endDate: '2026-11-03' },
    {},
  ],
  ['staffPersonalAccount', STAFF_OK, 'a place not offered', { where: 'home' }, { where: /Choose where/ }],
  ['staffPersonalAccount', STAFF_OK, 'no purpose', { purpose: '  ' }, { purpose: /required/ }],
  ['pupilWifi', PUPILS_OK, 'a class, dates and a supervisor', {}, {}],
  ['pupilWifi', PUPILS_OK, 'a group instead of a class', { className: '', group: 'Year 6 digital leaders' }, {}],
  ['pupilWifi', PUPILS_OK, 'neither class nor group', { className: '' }, { className: /class/ }],
  ['pupilWifi', PUPILS_OK, 'both a class and a group', { group: 'Digital leaders' }, { group: /not both/ }],
  ['pupilWifi', PUPILS_OK, 'a start date in the past', { startDate: '2026-11-23' }, { startDate: /past/ }],
  [
    'pupilWifi',
    PUPILS_OK,
    'a period already over (s.7)',
    { startDate: '2026-11-16', endDate: '2026-11-20' },
    { startDate: /past/, endDate: /past/ },
  ],
  [
    'pupilWifi',
    PUPILS_OK,
    'a period that ends before it starts (s.7)',
    { endDate: '2026-11-29' },
    { endDate: /on or after the start date/ },
  ],
  ['pupilWifi', PUPILS_OK, 'a period of one day, today (s.7)', { startDate: '2026-11-24', endDate: '2026-11-24' }, {}],
  // 366 days from Monday 30 November 2026 is Wednesday 1 December 2027: the longest period allowed.
  ['pupilWifi', PUPILS_OK, 'a period of exactly 366 days (s.7)', { endDate: '2027-12-01' }, {}],
  ['pupilWifi', PUPILS_OK, 'a period of 367 days (s.7)', { endDate: '2027-12-02' }, { endDate: /school year at most/ }],
  ['pupilWifi', PUPILS_OK, 'a date that is not a day', { endDate: '31/02/2027' }, { endDate: /real date/ }],
  ['pupilWifi', PUPILS_OK, 'no supervising member of staff', { supervisorId: '' }, { supervisorId: /required/ }],
  ['accountPassword', PASSWORD_OK, 'an account, a person, a reason and a date', {}, {}],
  ['accountPassword', PASSWORD_OK, 'a date in the past', { until: '2026-11-20' }, { until: /past/ }],
  ['accountPassword', PASSWORD_OK, 'shared for today only (s.5)', { until: '2026-11-24' }, {}],
  // 366 days from Tuesday 24 November 2026 is Thursday 25 November 2027.
  ['accountPassword', PASSWORD_OK, 'shared until 366 days from today (s.5)', { until: '2027-11-25' }, {}],
  ['accountPassword', PASSWORD_OK, 'shared until 367 days from today (s.5)', { until: '2027-11-26' }, { until: /school year at most/ }],
  ['accountPassword', PASSWORD_OK, 'a date more than a year away', { until: '2028-01-01' }, { until: /school year at most/ }],
  [
    'accountPassword',
    PASSWORD_OK,
    'the password in the reason',
    { reason: 'Password: Riverside2026' },
    { reason: /Never type a password here/ },
  ],
  [
    'accountPassword',
    PASSWORD_OK,
    'the password said in a sentence',
    { reason: 'She needs it over Christmas; the password is Riv3rside!' },
    { reason: /Never type a password here/ },
  ],
  ['accountPassword', PASSWORD_OK, 'no account', { accountId: '' }, { accountId: /required/ }],
  ['pupilWifi', PUPILS_OK, 'a PIN in the purpose', { purpose: 'Log in with pin=4821' }, { purpose: /Never type a password here/ }],
])('%s: %#', (type, valid, _what, change, errors) => {
  it(`${_what}: ${Object.keys(errors).length ? `refused on ${Object.keys(errors).join(', ')}` : 'accepted'}`, () => {
    const result = read(type, { ...valid, ...change });
    if (Object.keys(errors).length === 0) expect(result).toMatchObject({ ok: true });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(Object.keys(result.errors).sort()).toEqual(Object.keys(errors).sort());
        for (const [field, message] of Object.entries(errors)) expect(result.errors[field]).toMatch(message);
      }
    }
  });
});

it("keeps only the form's own fields (a name sent in card data is never taken as looked up)", () => {
  expect(read('accountPassword', { ...PASSWORD_OK, accountIdName: 'X @forged', extra: 'x' })).toEqual({ ok: true, value: PASSWORD_OK });
});

describe('what counts as a password typed in', () => {
  it.each([
    ['password: Riverside2026', true],
    ['Password=hunter2', true],
    ['pin: 4821', true],
    ['the passcode is 4821.', true],
    ['The password is Tr0ub4dor!', true],
    ['the password was "sunflower"', true],
    ['She needs the password to cover my absence', false],
    ['The password is shared with Ms Jones only', false],
    ['I will change the password is the plan', false],
    ['Spinning the wheel: 3 minutes', false],
    ['Our PIN code policy applies', false],
  ])('%j → %s', (typed, expected) => {
    expect(looksLikeAPassword(typed)).toBe(expected);
  });
});

describe('each field named in its own message, word for word', () => {
  const long = 'x'.repeat(201);

  it('s.7 pupils on the school WiFi: nothing filled in', () => {
    expect(read('pupilWifi', {})).toEqual({
      ok: false,
      errors: {
        className: 'Choose a class, or describe the group (for example "Year 6 digital leaders").',
        platform: 'Platform or site is required.',
        purpose: 'Curriculum activity is required.',
        startDate: 'Start date is required.',
        endDate: 'End date is required.',
        supervisorId: 'Supervising member of staff is required.',
      },
    });
  });

  it('s.7 pupils on the school WiFi: a class and a group too long to show', () => {
    expect(read('pupilWifi', { ...PUPILS_OK, className: long, group: long })).toEqual({
      ok: false,
      errors: { className: 'Class must be 200 characters or fewer.', group: 'Group must be 200 characters or fewer.' },
    });
  });

  it('s.7 pupils on the school WiFi: dates of spaces only are missing, and a date that is not a day is named', () => {
    expect(read('pupilWifi', { ...PUPILS_OK, startDate: '   ', endDate: '31/02/2027' })).toEqual({
      ok: false,
      errors: { startDate: 'Start date is required.', endDate: 'End date must be a real date, for example 07/12/2026.' },
    });
  });

  it('s.7 pupils on the school WiFi: dates typed as DD/MM/YYYY, with spaces round them, are kept as school dates', () => {
    expect(read('pupilWifi', { ...PUPILS_OK, startDate: ' 30/11/2026 ', endDate: '18/12/2026' })).toEqual({
      ok: true,
      value: { ...PUPILS_OK, startDate: '2026-11-30', endDate: '2026-12-18' },
    });
  });

  it('s.5 personal account at school: nothing filled in', () => {
    expect(read('staffPersonalAccount', {})).toEqual({
      ok: false,
      errors: {
        where: 'Choose where.',
        platform: 'Platform or site is required.',
        purpose: 'How it helps what is taught is required.',
        lasts: 'Choose how long.',
        device: 'Say which school device (its name or asset tag).',
      },
    });
  });

  it('s.5 personal account at school: a device name too long to show', () => {
    expect(read('staffPersonalAccount', { ...STAFF_OK, device: long })).toEqual({
      ok: false,
      errors: { device: 'Which school device must be 200 characters or fewer.' },
    });
  });
});

describe('s.5 personal account at school: dates left empty on the form', () => {
  it('standing: empty dates are accepted and not kept', () => {
    expect(read('staffPersonalAccount', { ...STAFF_OK, startDate: '', endDate: '' })).toEqual({ ok: true, value: STAFF_OK });
  });

  it('for a period: empty dates are asked for by name', () => {
    expect(read('staffPersonalAccount', { ...STAFF_OK, lasts: 'period', startDate: '', endDate: '' })).toEqual({
      ok: false,
      errors: { startDate: 'A permission for a period needs a start date.', endDate: 'A permission for a period needs an end date.' },
    });
  });

  // Each said only "Invalid input": the optional date's own words were lost inside a union.
  it.each([
    ['a day February does not have', { startDate: '31/02/2027' }, { startDate: 'Start date must be a real date, for example 07/12/2026.' }],
    ['a word', { endDate: 'Easter' }, { endDate: 'End date must be a real date, for example 07/12/2026.' }],
    ['a number', { startDate: 20261130 }, { startDate: 'Start date is required.' }],
  ])('for a period: %s in place of a date is named in the message', (_case, dates, errors) => {
    expect(
      read('staffPersonalAccount', { ...STAFF_OK, lasts: 'period', startDate: '30/11/2026', endDate: '12/02/2027', ...dates }),
    ).toEqual({
      ok: false,
      errors,
    });
  });

  it('spaces only are read as a date left empty', () => {
    expect(read('staffPersonalAccount', { ...STAFF_OK, startDate: '  ', endDate: ' ' })).toEqual({ ok: true, value: STAFF_OK });
  });

  it('for a period: dates typed as DD/MM/YYYY are kept as school dates', () => {
    expect(read('staffPersonalAccount', { ...STAFF_OK, lasts: 'period', startDate: '30/11/2026', endDate: '12/02/2027' })).toEqual({
      ok: true,
      value: { ...STAFF_OK, lasts: 'period', startDate: '2026-11-30', endDate: '2027-02-12' },
    });
  });
});
