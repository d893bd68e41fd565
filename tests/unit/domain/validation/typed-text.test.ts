/**
 * Text a person types, checked once for every form: trimmed, within its limit, and free of the
 * characters that could hide or reorder what a reviewer (the headteacher, the DSL) reads.
 */
import {
  hiddenCharacterProblem,
  optionalText,
  requiredText,
  withoutHiddenCharacters,
} from '../../../../bot/src/domain/validation/typed-text';

const required = requiredText('Reasons', 10);
const optional = optionalText('Note', 10);

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe('required text', () => {
  it.each<[string, unknown, { value: string } | { error: string }]>([
    ['trimmed', '  Lessons  ', { value: 'Lessons' }],
    ['exactly at the limit', 'x'.repeat(10), { value: 'x'.repeat(10) }],
    ['one over the limit', 'x'.repeat(11), { error: 'Reasons must be 10 characters or fewer.' }],
    ['spaces only', '   ', { error: 'Reasons is required.' }],
    ['missing', undefined, { error: 'Reasons is required.' }],
    ['not text', 42, { error: 'Reasons is required.' }],
    ['with a right-to-left override', 'abc\u202Edef', { error: 'Reasons contains hidden control characters. Please retype it.' }],
  ])('%s', (_case, typed, expected) => {
    const result = required.safeParse(typed);
    expect('value' in expected ? result.data : message(result)).toBe('value' in expected ? expected.value : expected.error);
  });
});

describe('optional text', () => {
  it.each<[string, unknown, { value: string } | { error: string }]>([
    ['left out: read as empty', undefined, { value: '' }],
    ['spaces only: empty', '   ', { value: '' }],
    ['trimmed', ' Fine ', { value: 'Fine' }],
    ['one over the limit', 'x'.repeat(11), { error: 'Note must be 10 characters or fewer.' }],
    ['with a hidden character', 'ok\u0007', { error: 'Note contains hidden control characters. Please retype it.' }],
  ])('%s', (_case, typed, expected) => {
    const result = optional.safeParse(typed);
    expect('value' in expected ? result.data : message(result)).toBe('value' in expected ? expected.value : expected.error);
  });
});

describe('hidden characters: controls, invisible format characters and line separators; not tabs, line breaks or joiners', () => {
  it.each<[string, string, boolean]>([
    ['NUL', '\u0000', true],
    ['bell', '\u0007', true],
    ['tab', '\u0009', false],
    ['new line', '\u000A', false],
    ['vertical tab', '\u000B', true],
    ['carriage return', '\u000D', false],
    ['unit separator', '\u001F', true],
    ['space', '\u0020', false],
    ['delete', '\u007F', true],
    ['next line (a C1 control)', '\u0085', true],
    ['no-break space', '\u00A0', false],
    ['soft hyphen', '\u00AD', true],
    ['zero-width space', '\u200B', true],
    ['zero-width non-joiner', '\u200C', false],
    ['zero-width joiner', '\u200D', false],
    ['right-to-left mark', '\u200F', true],
    ['line separator', '\u2028', true],
    ['paragraph separator', '\u2029', true],
    ['right-to-left override', '\u202E', true],
    ['narrow no-break space', '\u202F', false],
    ['invisible times', '\u2062', true],
    ['left-to-right isolate', '\u2066', true],
    ['byte-order mark', '\uFEFF', true],
    ['a tag letter on its own', '\u{E0041}', true],
    ['the flag of Wales (a tag sequence)', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}', false],
    ['tags after a black flag, never cancelled', '\u{1F3F4}\u{E0067}\u{E0062}', true],
    ["a flag's tags without the black flag", '\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}', true],
    ['an emoji joined with a zero-width joiner', '\u{1F469}\u200D\u{1F3EB}', false],
    ['accents', 'Zoë Ŵ', false],
  ])('%s: hidden %s', (_name, character, hidden) => {
    expect(hiddenCharacterProblem('The reason', `a${character}b`)).toBe(
      hidden ? 'The reason contains hidden control characters. Please retype it.' : undefined,
    );
  });

  it('a flag of England with a hidden character beside it is still refused', () => {
    expect(hiddenCharacterProblem('Evidence', 'Certificate \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}\u202E')).toBe(
      'Evidence contains hidden control characters. Please retype it.',
    );
  });
});

describe('a name that came from elsewhere (a Teams display name) is shown without its hidden characters', () => {
  it.each<[string, string, string]>([
    ['every override taken out', 'Amelia\u202Eylno\u202E', 'Ameliaylno'],
    ['zero-width spaces between letters', 'A\u200Bd\u200Be\u200Ble', 'Adele'],
    ['joiners and tabs kept', 'Zo\u200Dë\tV', 'Zo\u200Dë\tV'],
  ])('%s', (_case, name, shown) => {
    expect(withoutHiddenCharacters(name)).toBe(shown);
  });
});
