/**
 * A step saved without all that goes with it (SharePoint failed past its retries): after the
 * person's answer, what is left is tried a few more times; what still cannot be stored is logged
 * for the administrator by the request's type and id, never with what the request says.
 */
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import { storeWhatIsLeft, TRIES_AFTER_THE_ANSWER } from '../../../bot/src/app/requests/store-what-is-left';
import { PartlySavedError } from '../../../bot/src/ports/save-together.port';

const RECORD = { id: '12', version: 2, etag: '"2"' };

/** A partly saved step whose parts are stored at the `storedAt`-th try after the answer (never when 0). */
function partlySaved(storedAt: number, tries: number[] = []): PartlySavedError {
  const left = (): PartlySavedError =>
    new PartlySavedError(RECORD, async () => {
      tries.push(tries.length + 1);
      if (tries.length !== storedAt) throw left();
    });
  return left();
}

function deps() {
  const errors: string[] = [];
  const log = { info: () => undefined, warn: () => undefined, error: (message: string) => errors.push(message) };
  return { errors, background: new BackgroundTasks(log), log };
}

describe('what a saved step left unstored, stored after the answer', () => {
  it.each([1, 2, TRIES_AFTER_THE_ANSWER])('stored at try %i: tried no more, the notices sent once, nothing logged', async (storedAt) => {
    const tries: number[] = [];
    const d = deps();
    const sent: number[] = [];
    storeWhatIsLeft(d, 'accessRequest', partlySaved(storedAt, tries), async () => {
      sent.push(tries.length);
    });
    await d.background.idle();
    expect(tries).toHaveLength(storedAt);
    // The notices go once everything is stored (some may have been stored only now).
    expect(sent).toEqual([storedAt]);
    expect(d.errors).toEqual([]);
  });

  it(`after ${TRIES_AFTER_THE_ANSWER} more tries, says so in the log by the request's type and id`, async () => {
    const tries: number[] = [];
    const d = deps();
    const sent: number[] = [];
    storeWhatIsLeft(d, 'postingRequest', partlySaved(0, tries), async () => {
      sent.push(tries.length);
    });
    await d.background.idle();
    expect(tries).toHaveLength(TRIES_AFTER_THE_ANSWER);
    expect(sent).toEqual([]);
    expect(d.errors).toEqual([`Still not stored after 3 more tries: the audit entry or notices of postingRequest 12`]);
  });

  it('stops at a failure that is not about what was left (a bug), and the background log says so', async () => {
    const d = deps();
    storeWhatIsLeft(
      d,
      'accessRequest',
      new PartlySavedError(RECORD, async () => {
        throw new TypeError('boom');
      }),
      async () => undefined,
    );
    await d.background.idle();
    expect(d.errors).toEqual(['Background task failed: storing the audit entry or notices of accessRequest 12 again']);
  });
});
