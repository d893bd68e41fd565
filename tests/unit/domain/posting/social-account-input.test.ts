/** Registering a school account (s.5): what it is for, why, who owns it, the school email behind it, how success is judged. */
import { ACCOUNT_OWNER_ROLES, validateSocialAccountInput } from '../../../../bot/src/domain/posting/social-account-input';

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

/** s.5: an official school email account behind every school account; each refusal says why, word for word. */
describe('a school account: the exact refusals at the edges (s.5)', () => {
  const personal = 'Use an official school email account, not a personal one (policy section 5).';
  it.each<[string, string]>([
    ['gmail', 'head@gmail.com'],
    ['googlemail', 'head@googlemail.com'],
    ['hotmail', 'head@hotmail.co.uk'],
    ['outlook', 'head@outlook.com'],
    ['live', 'head@live.co.uk'],
    ['yahoo', 'head@yahoo.co.uk'],
    ['icloud', 'head@icloud.com'],
    ['me', 'head@me.com'],
    ['aol', 'head@aol.com'],
    ['btinternet', 'head@btinternet.com'],
    ['sky', 'head@sky.com'],
    ['virginmedia', 'head@virginmedia.com'],
    ['protonmail', 'head@protonmail.com'],
  ])('a %s mailbox is refused as personal', (_provider, schoolEmail) => {
    expect(validateSocialAccountInput({ ...valid, schoolEmail })).toEqual({ ok: false, errors: { schoolEmail: personal } });
  });

  it.each([
    // The provider's name inside a school's own domain is not the provider.
    'office@gmailschool.org.uk',
    'office@mygmail.org.uk',
    'office@sky-primary.sch.uk',
    'office@me.com-trust.org.uk',
  ])('accepts the school mailbox %s', (schoolEmail) => {
    expect(validateSocialAccountInput({ ...valid, schoolEmail }).ok).toBe(true);
  });

  it.each<[string, boolean]>([
    ['p'.repeat(40), true],
    ['p'.repeat(41), false],
    ['p_12', true],
    ['p-12 ', false],
  ])('an owner id %p is taken: %p', (ownerId, ok) => {
    expect(validateSocialAccountInput({ ...valid, ownerId })).toEqual(
      ok ? { ok: true, value: { ...valid, ownerId, active: true } } : { ok: false, errors: { ownerId: 'Choose the owner.' } },
    );
  });

  it('an account is owned by the DSL or the designated social media staff', () => {
    expect(ACCOUNT_OWNER_ROLES).toEqual(['dsl', 'socialMediaStaff']);
  });
});
