import { elapsedMs, note } from './support';
import { sharePointSchool } from './sharepoint-school';

const THROTTLE_EVERY = Number(process.env.THROTTLE_EVERY ?? 10);
const RETRY_AFTER_SECONDS = Number(process.env.THROTTLE_RETRY_AFTER ?? 1);
const LATENCY_MS = 50;

/**
 * The same use cases while SharePoint throttles: the Graph stand-in answers one request in ten
 * (round trips and requests inside batches alike) with 429 and `Retry-After`, the first of them
 * the second request of each use case, so that even a click of a few round trips meets one. Each use case must
 * finish within its deadline with nothing stored twice and nothing lost; the extra round trips
 * are counted against a run of the same use cases on a school that is not throttled.
 */
export async function graphThrottlingBench(): Promise<void> {
  console.log(
    `\nGraph throttled: one request in ${THROTTLE_EVERY} answered 429 with Retry-After: ${RETRY_AFTER_SECONDS} s, ${LATENCY_MS} ms a round trip`,
  );
  const calm = await sharePointSchool();
  const baseline: number[] = [];
  try {
    for (const useCase of calm.useCases) {
      const since = calm.standIn.requests.length;
      await useCase.run();
      baseline.push(calm.standIn.requests.length - since);
    }
  } finally {
    await calm.stop();
  }
  const school = await sharePointSchool();
  try {
    school.standIn.latencyMs = LATENCY_MS;
    console.log(
      `  ${'use case'.padEnd(62)} ${'took'.padStart(8)} ${'deadline'.padStart(9)}  ${'round trips'.padEnd(18)} ${'429s'.padStart(5)}  duplicates, losses   verdict`,
    );
    for (const [index, useCase] of school.useCases.entries()) {
      const [since, batchedSince] = [school.standIn.requests.length, school.standIn.batchedRequests.length];
      // Each use case meets its first 429 on its second request, however short it is; then one in ten.
      school.standIn.throttleEvery(THROTTLE_EVERY, { retryAfterSeconds: RETRY_AFTER_SECONDS, first: 2 });
      const started = process.hrtime.bigint();
      const problems = await useCase.run().catch((error: unknown) => [`failed: ${error instanceof Error ? error.message : String(error)}`]);
      const took = elapsedMs(started);
      const trips = school.standIn.requests.slice(since).length;
      const throttled = [...school.standIn.requests.slice(since), ...school.standIn.batchedRequests.slice(batchedSince)].filter(
        (request) => request.status === 429,
      ).length;
      const verdict = problems.length ? 'FAILED' : took < useCase.deadlineMs ? 'OK' : 'OVER';
      const extra = trips - baseline[index]!;
      console.log(
        `  ${useCase.label.padEnd(62)} ${`${(took / 1000).toFixed(2)} s`.padStart(8)} ${`${useCase.deadlineMs / 1000} s`.padStart(9)}  ${`${trips} (+${extra})`.padEnd(18)} ${String(throttled).padStart(5)}  ${(problems.length ? problems.join('; ') : 'none').padEnd(20)} ${verdict}`,
      );
      if (problems.length || verdict !== 'OK') process.exitCode = 1;
    }
    note(`round trips sent before a Retry-After had passed: ${school.standIn.sentWhileThrottled} (Graph counts those against the app too)`);
  } finally {
    await school.stop();
  }
}

if (require.main === module) {
  graphThrottlingBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
