/**
 * A form's problems, each next to its field (nested fields by their path), so the person who
 * filled it in sees where; a problem with the form as a whole is shown under `form`.
 */
import { z } from 'zod';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

const schema = z
  .object({ from: z.string({ error: 'The first day is required.' }), to: z.string({ error: 'The last day is required.' }) })
  .refine((value) => value.from <= value.to, 'The last day must be on or after the first day.');

describe('reading a form', () => {
  it.each<[string, unknown, ReturnType<typeof readForm>]>([
    ['a valid form', { from: '2026-11-24', to: '2026-12-18' }, { ok: true, value: { from: '2026-11-24', to: '2026-12-18' } }],
    ['a missing field: named', { from: '2026-11-24' }, { ok: false, errors: { to: 'The last day is required.' } }],
    [
      'fields fine alone but wrong together: under the whole form',
      { from: '2026-12-18', to: '2026-11-24' },
      { ok: false, errors: { form: 'The last day must be on or after the first day.' } },
    ],
    [
      'not an object: every required field named',
      'from=2026-11-24',
      { ok: false, errors: { from: 'The first day is required.', to: 'The last day is required.' } },
    ],
  ])('%s', (_case, raw, expected) => {
    expect(readForm(schema, raw)).toEqual(expected);
  });
});
