import { StaleRecordError, StoreUnavailableError } from '../ports/collection.port';
import type { AppDeps } from './app-deps';

/**
 * Runs one step on a record (read fresh → rules → conditional save). If someone else saved the
 * record meanwhile, the step runs again on what they saved, so the rules judge the new state (up to
 * three tries). A store that cannot be reached, or a record that keeps changing, is "not saved".
 */
export async function retryStep<R>(deps: Pick<AppDeps, 'log'>, what: string, step: () => Promise<R>): Promise<R | { status: 'not-saved' }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof StaleRecordError && attempt < 3) continue;
      if (error instanceof StoreUnavailableError || error instanceof StaleRecordError) {
        deps.log.error(`A step on ${what} could not be saved`, error);
        return { status: 'not-saved' };
      }
      throw error;
    }
  }
}
