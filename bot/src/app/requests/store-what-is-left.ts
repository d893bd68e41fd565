import type { RequestType } from '../../domain/records/record-type';
import { PartlySavedError } from '../../ports/save-together.port';
import type { AppDeps } from '../app-deps';

/** How many more times what a saved step left unstored is tried, each through the store's own retries. */
export const TRIES_AFTER_THE_ANSWER = 3;

/**
 * A step was saved but not all that goes with it (its audit entry, a notice, the clicked card):
 * after the person has had their answer, the parts left are tried again, a few times, under the
 * keys they were first sent with (stored once, never twice), and once they are stored,
 * `afterwards` runs (the step's notices are then sent: they may have been stored only now). The
 * tries follow one another at once, each within the store's own retries and deadline, and are
 * kept in memory only: what still cannot be stored is logged for the administrator, by the
 * request's type and id only.
 */
export function storeWhatIsLeft(
  deps: Pick<AppDeps, 'background' | 'log'>,
  type: RequestType,
  unfinished: PartlySavedError,
  afterwards: () => Promise<void>,
): void {
  const what = `the audit entry or notices of ${type} ${unfinished.record.id}`;
  deps.background.run(`storing ${what} again`, async () => {
    let left = unfinished;
    for (let tries = 0; tries < TRIES_AFTER_THE_ANSWER; tries++) {
      try {
        await left.finish();
        await afterwards();
        return;
      } catch (error) {
        if (!(error instanceof PartlySavedError)) throw error;
        left = error;
      }
    }
    deps.log.error(`Still not stored after ${TRIES_AFTER_THE_ANSWER} more tries: ${what}`, left.cause);
  });
}
