import { finding, READINESS_ITEMS, type ReadinessItem, type ReadinessItemId } from '../../domain/readiness/readiness';

/** Finds the state of one checklist item. A check that throws is reported red, never as green. */
export type ReadinessCheck = () => Promise<ReadinessItem>;

export type ReadinessChecks = Partial<Record<ReadinessItemId, ReadinessCheck>>;

/**
 * Runs every check at once and returns the checklist in its fixed order. An item with no check
 * (it does not apply to how this copy of the app runs) is left out; a check that fails or takes
 * longer than `timeoutMs` is red with what went wrong, in words, never a stack trace.
 */
export async function checkReadiness(checks: ReadinessChecks, timeoutMs = 20_000): Promise<ReadinessItem[]> {
  const found = await Promise.all(
    READINESS_ITEMS.filter((item) => checks[item.id]).map(async ({ id }) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<ReadinessItem>((settle) => {
        timer = setTimeout(
          () =>
            settle(
              finding(
                id,
                'red',
                `The check did not finish within ${Math.round(timeoutMs / 1000)} seconds.`,
                'Run the check again; if it stays red, check that Microsoft Graph and SharePoint are reachable from the app.',
              ),
            ),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([checks[id]!(), late]);
      } catch (error) {
        return finding(
          id,
          'red',
          `The check could not be made: ${error instanceof Error ? error.message : String(error)}`,
          'Run the check again; if it stays red, the message above says what failed.',
        );
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return found;
}
