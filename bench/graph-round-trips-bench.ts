import { note } from './support';
import { sharePointSchool } from './sharepoint-school';

const LATENCY_MS = 50;

/**
 * Graph round trips per use case on SharePoint, counted against the Graph stand-in (a count is
 * exact, so the same counts are asserted in tests/integration/graph/round-trips.test.ts), each
 * with the figure before this work and its target.
 */
export async function graphRoundTripsBench(): Promise<void> {
  console.log(`\nGraph round trips per use case on SharePoint (the Graph stand-in; time at ${LATENCY_MS} ms a round trip)`);
  const school = await sharePointSchool();
  try {
    console.log(`  ${'use case'.padEnd(62)} ${'before'.padEnd(24)} ${'target'.padEnd(42)} now`);
    for (const useCase of school.useCases) {
      const [since, batchedSince] = [school.standIn.requests.length, school.standIn.batchedRequests.length];
      const problems = await useCase.run();
      const trips = school.standIn.requests.slice(since);
      const batched = school.standIn.batchedRequests.slice(batchedSince);
      const verdict = problems.length ? 'FAILED' : useCase.meets(trips, batched) ? 'OK' : 'OVER';
      console.log(
        `  ${useCase.label.padEnd(62)} ${useCase.before.padEnd(24)} ${useCase.target.padEnd(42)} ${useCase.now?.(trips, batched) ?? trips.length}  ${verdict}`,
      );
      note(
        `${describe(trips.map((request) => `${request.method} ${school.listOf(request)}`))}; ${((trips.length * LATENCY_MS) / 1000).toFixed(2)} s at ${LATENCY_MS} ms a round trip${batched.length ? `; ${batched.length} requests inside batches` : ''}`,
      );
      for (const problem of problems) note(`problem: ${problem}`);
      if (problems.length) process.exitCode = 1;
    }
  } finally {
    await school.stop();
  }
}

/** "3 × GET pupils, 115 × POST $batch": what the round trips were, by list. */
function describe(lists: string[]): string {
  const counts = new Map<string, number>();
  for (const list of lists) counts.set(list, (counts.get(list) ?? 0) + 1);
  return [...counts].map(([list, count]) => `${count} × ${list}`).join(', ') || 'no round trip';
}

if (require.main === module) {
  graphRoundTripsBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
