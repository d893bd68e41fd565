/**
 * Text a person types, checked once for every form: trimmed, within its limit, and free of the
 * characters that could hide or reorder what a reviewer (the headteacher, the DSL) reads.
 */
import { HIDDEN_CHARACTERS, optionalText, requiredText } from '../../../../bot/src/domain/validation/typed-text';

const required = requiredText('Reasons', 10);
const optional = optionalText('Note', 10);

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? undefined : result.error?.issues[0]?.message);

describe('required text', () => {
  it.each<[string, unknown, { value: string } | { error: string }]>([
    ['trimmed', '  Lessons  ', { value: 'Lessons' }],
    ['exactly at the limit', 'x'.repeat(10), { value: 'x'.repeat(10) }],
    ['one over the limit', 'x'.repeat(11), { error: 'Reasons must be 10 characters or fewer.' }],
    ['spaces only', '   ', { error: 'Reasons is required.' }],
    ['missing', undefined, { error: 'Reasons is required.' }],
    ['not text', 42, { error: 'Reasons is required.' }],
    ['with a right-to-left override', 'abc\u202Edef', { error: 'Reasons contains hidden control characters.' }],
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
    ['with a hidden character', 'ok\u0007', { error: 'Note contains hidden control characters.' }],
  ])('%s', (_case, typed, expected) => {
    const result = optional.safeParse(typed);
    expect('value' in expected ? result.data : message(result)).toBe('value' in expected ? expected.value : expected.error);
  });
});

describe('hidden characters: control characters and bidirectional overrides, not tabs or new lines', () => {
  it.each<[string, string, boolean]>([
    ['NUL', '\u0000', true],
    ['backspace', '\u0008', true],
    ['tab', '\u0009', false],
    ['new line', '\u000A', false],
    ['vertical tab', '\u000B', true],
    ['form feed', '\u000C', true],
    ['carriage return', '\u000D', false],
    ['shift out', '\u000E', true],
    ['unit separator', '\u001F', true],
    ['space', '\u0020', false],
    ['tilde', '\u007E', false],
    ['delete', '\u007F', true],
    ['no-break space', '\u00A0', false],
    ['right-to-left mark (shown, harmless)', '\u200F', false],
    ['left-to-right embedding', '\u202A', true],
    ['right-to-left override', '\u202E', true],
    ['narrow no-break space', '\u202F', false],
    ['invisible plus', '\u2064', false],
    ['left-to-right isolate', '\u2066', true],
    ['pop directional isolate', '\u2069', true],
    ['inhibit symmetric swapping', '\u206A', false],
  ])('%s: hidden %s', (_name, character, hidden) => {
    expect(HIDDEN_CHARACTERS.test(`a${character}b`)).toBe(hidden);
  });
});
