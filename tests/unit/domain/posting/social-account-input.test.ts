/** Registering a school account (s.5): what it is for, why, who owns it, the school email behind it, how success is judged. */
import { validateSocialAccountInput } from '../../../../bot/src/domain/posting/social-account-input';

const valid = {
  platform: 'X',
  handle: '@RiversidePrimary',
  purpose: 'Celebrating work',
  reason: 'Parents see learning',
  ownerId: 'p-12',
  schoolEmail: 'office@riverside.sch.uk',
  successMeasure: 'Parent survey',
};

describe('a school account (s.5)', () => {
  it('is active unless it says otherwise', () => {
    expect(validateSocialAccountInput(valid)).toEqual({ ok: true, value: { ...valid, active: true } });
    expect(validateSocialAccountInput({ ...valid, active: false })).toEqual({ ok: true, value: { ...valid, active: false } });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no platform', { platform: '' }, { platform: 'Platform is required.' }],
    ['a platform over 50 characters', { platform: 'x'.repeat(51) }, { platform: 'Platform must be 50 characters or fewer.' }],
    ['no handle', { handle: ' ' }, { handle: 'Handle is required.' }],
    ['a handle over 100 characters', { handle: 'x'.repeat(101) }, { handle: 'Handle must be 100 characters or fewer.' }],
    ['no purpose', { purpose: '' }, { purpose: 'Purpose is required.' }],
    ['a purpose over 1000 characters', { purpose: 'x'.repeat(1001) }, { purpose: 'Purpose must be 1000 characters or fewer.' }],
    ['no reason (s.5: never for trivial reasons)', { reason: '' }, { reason: 'Pedagogical or business reason is required.' }],
    [
      'a reason over 1000 characters',
      { reason: 'x'.repeat(1001) },
      { reason: 'Pedagogical or business reason must be 1000 characters or fewer.' },
    ],
    ['no owner', { ownerId: undefined }, { ownerId: 'Choose the owner.' }],
    ['an owner id that is not an id', { ownerId: 'p 12' }, { ownerId: 'Choose the owner.' }],
    ['an owner id with text around it', { ownerId: 'x\np-12' }, { ownerId: 'Choose the owner.' }],
    ['no school email', { schoolEmail: '' }, { schoolEmail: 'School email is required.' }],
    [
      'an email over 254 characters',
      { schoolEmail: `${'x'.repeat(250)}@a.uk` },
      { schoolEmail: 'School email must be 254 characters or fewer.' },
    ],
    ['not an email', { schoolEmail: 'office at riverside' }, { schoolEmail: 'Enter the school email address linked to the account.' }],
    [
      'a personal mailbox (s.5)',
      { schoolEmail: 'riverside.head@gmail.com' },
      { schoolEmail: 'Use an official school email account, not a personal one (policy section 5).' },
    ],
    [
      'a personal mailbox in capitals',
      { schoolEmail: 'HEAD@HOTMAIL.CO.UK' },
      { schoolEmail: 'Use an official school email account, not a personal one (policy section 5).' },
    ],
    ['no measure of success', { successMeasure: '' }, { successMeasure: 'How success is evaluated is required.' }],
    [
      'a measure over 1000 characters',
      { successMeasure: 'x'.repeat(1001) },
      { successMeasure: 'How success is evaluated must be 1000 characters or fewer.' },
    ],
  ])('%s', (_case, changes, errors) => {
    expect(validateSocialAccountInput({ ...valid, ...changes })).toEqual({ ok: false, errors });
  });

  it.each([
    'head@gmail.com',
    'a@googlemail.com',
    'a@hotmail.com',
    'a@outlook.com',
    'a@live.co.uk',
    'a@yahoo.com',
    'a@icloud.com',
    'a@me.com',
    'a@aol.com',
    'a@btinternet.com',
    'a@sky.com',
    'a@virginmedia.com',
    'a@protonmail.com',
  ])('refuses the personal mailbox %s', (schoolEmail) => {
    expect(validateSocialAccountInput({ ...valid, schoolEmail }).ok).toBe(false);
  });

  it.each(['office@riverside.sch.uk', 'gmail@riverside.sch.uk', 'office@outlook-school.org.uk', 'office@live.learning-trust.org.uk'])(
    'accepts the school mailbox %s',
    (schoolEmail) => {
      expect(validateSocialAccountInput({ ...valid, schoolEmail }).ok).toBe(true);
    },
  );

  it('reads anything but a form as an empty one', () => {
    for (const raw of [['platform'], null, 'platform']) {
      const result = validateSocialAccountInput(raw);
      expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
        'handle',
        'ownerId',
        'platform',
        'purpose',
        'reason',
        'schoolEmail',
        'successMeasure',
      ]);
    }
  });
});
