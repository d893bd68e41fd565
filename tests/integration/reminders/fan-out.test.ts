/**
 * The reminders' fan-out against a Bot Connector stand-in that enforces Teams' rate limits
 * (7/s, 8/2 s, 60/30 s, 1,800/h per conversation, and the app's global rate) and injects 429
 * (with and without Retry-After), 503 and 403 MessageWritesBlocked. Time is the rig's test clock:
 * when each request reached Teams is read from it, and nothing waits in real time.
 */
import type { Collection } from '../../../bot/src/ports/collection.port';
import type { OutboxEntry } from '../../../bot/src/ports/outbox.port';
import type { ReminderChannel } from '../../../bot/src/ports/reminder-channel.port';
import type { Stores } from '../../../bot/src/ports/stores.port';
import { FanOutRig } from '../../fixtures/fan-out-rig';

async function outboxOf(stores: Stores): Promise<OutboxEntry[]> {
  return (await stores.outbox.find({ limit: 10_000 })).items;
}

describe('reminder fan-out through the rate-limited stand-in', () => {
  let rig: FanOutRig;
  afterEach(() => rig.stop());

  it('gives every reachable person exactly one message, within every limit, through 429, 503 and a blocked user', async () => {
    rig = await new FanOutRig(25).start(60, (i) => i !== 7 && i !== 8);
    const c = rig.connector;
    c.failNext.push({ conversationId: rig.conversationOf(3), status: 429, retryAfterSeconds: 1 });
    c.failNext.push({ conversationId: rig.conversationOf(4), status: 429 });
    c.failNext.push({ conversationId: rig.conversationOf(5), status: 503 });
    c.blocked.add(rig.conversationOf(6));

    const report = await rig.run();

    expect(c.limitExceeded).toBe(0);
    const received = rig.received();
    const reachable = rig.people.map((_, i) => i).filter((i) => ![6, 7, 8].includes(i));
    expect(reachable.map((i) => received.get(rig.conversationOf(i)) ?? 0)).toEqual(reachable.map(() => 1));
    expect([6, 7, 8].map((i) => received.get(rig.conversationOf(i)) ?? 0)).toEqual([0, 0, 0]);
    expect(report).toMatchObject({ planned: 60, sent: 57, blocked: 1, notInstalled: 2, failed: 0, uncertain: 0 });

    // Retry-After was honoured: the second try came at least a second after the 429.
    const tries = c.attempts.filter((a) => a.conversationId === rig.conversationOf(3));
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1_000);
    // The blocked person is asked once, not retried forever, and is on record as blocked.
    expect(c.attempts.filter((a) => a.conversationId === rig.conversationOf(6)).map((a) => a.status)).toEqual([403]);
    const outbox = await outboxOf(rig.openStores());
    expect(outbox.filter((e) => e.status === 'blocked').map((e) => e.personName)).toEqual(['Person 6']);
    expect(outbox.filter((e) => e.status === 'notInstalled').map((e) => e.personName)).toEqual(['Person 7', 'Person 8']);
  });

  it('waits as long as Retry-After says before trying again', async () => {
    rig = await new FanOutRig(25).start(1);
    rig.connector.failNext.push({ conversationId: rig.conversationOf(0), status: 429, retryAfterSeconds: 3 });
    await rig.run();
    const [refused, retried] = rig.connector.attempts;
    expect([refused?.status, retried?.status, rig.connector.attempts.length]).toEqual([429, 200, 2]);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(3_000);
    expect(rig.received().get(rig.conversationOf(0))).toBe(1);
  });

  it('keeps to 7 messages a second when one person has many reminders', async () => {
    rig = await new FanOutRig(25).start(1);
    const person = rig.people[0]!;
    const planned = Array.from({ length: 16 }, (_, i) => ({ ...rig.planned([person])[0]!, reason: `policy-review:${i}` }));
    const report = await rig.run({ planned });
    expect(report.sent).toBe(16);
    expect(rig.connector.limitExceeded).toBe(0);
    // 7 per second and 8 per 2 seconds, as the messages reached Teams.
    const at = rig.connector.attempts.map((attempt) => attempt.at);
    expect(at).toHaveLength(16);
    expect(at.slice(7).map((time, i) => time - at[i]! >= 1_000)).toEqual(Array(9).fill(true));
    expect(at.slice(8).map((time, i) => time - at[i]! >= 2_000)).toEqual(Array(8).fill(true));
  });

  it('gives up on a message Teams keeps refusing, marks it failed, and tries it on the next run', async () => {
    rig = await new FanOutRig(25).start(2);
    for (let i = 0; i < 3; i++) rig.connector.failNext.push({ conversationId: rig.conversationOf(1), status: 503 });
    const first = await rig.run({ retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200 } });
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    const second = await rig.run();
    expect(second).toMatchObject({ sent: 1, alreadyDone: 1 });
    expect([...rig.received().values()]).toEqual([1, 1]);
  });

  it('sends nothing twice when the same job runs again, or on two instances at once', async () => {
    rig = await new FanOutRig(25).start(30);
    const [a, b] = await Promise.all([rig.run(), rig.run()]);
    const again = await rig.run();
    expect(a.sent + b.sent).toBe(30);
    expect(again).toMatchObject({ sent: 0, alreadyDone: 30 });
    expect([...rig.received().values()].every((n) => n === 1)).toBe(true);
    expect(rig.received().size).toBe(30);
    // Two instances keep a pace each, so together they may go over: Teams' 429s are retried.
  });

  it.each([
    ['between two messages', false],
    ['after Teams took a message but before its answer was recorded', true],
  ])('resumes after the process is killed %s: no duplicates, nobody missed, the unknown one reported', async (_when, answerLost) => {
    rig = await new FanOutRig(25).start(40);
    const first = rig.openStores();
    const killed = killable(first, rig.channel(), 15, answerLost);
    // One message at a time, so the moment of death is exact (with more in flight, each of them is
    // one more message whose fate is unknown).
    void rig.run({ stores: killed.stores, channel: killed.channel, concurrency: 1 });
    await killed.dead;
    const deliveredBeforeKill = rig.received().size;
    expect(deliveredBeforeKill).toBe(answerLost ? 16 : 15);

    // The restart: a new process, a fresh connection to the same data, ten minutes later (so the
    // last second's messages no longer count against Teams' limits: the new process's pacing
    // starts from nothing).
    rig.clock.advance(10 * 60_000);
    const report = await rig.run();

    expect([...rig.received().values()].every((n) => n === 1)).toBe(true);
    expect(rig.received().size).toBe(40);
    expect(report).toMatchObject({ sent: 40 - deliveredBeforeKill, uncertain: answerLost ? 1 : 0 });
    expect(rig.connector.limitExceeded).toBe(0);
  });
});

/**
 * A process that dies: from then on nothing it does reaches the store or Teams (its promises
 * never settle). Without `answerLost` it dies right after recording its `afterSends`-th message
 * as sent; with it, the next message reaches Teams and the process dies before recording that.
 */
function killable(stores: Stores, channel: ReminderChannel, afterSends: number, answerLost: boolean) {
  let recorded = 0;
  let dead = false;
  let died!: () => void;
  const deadPromise = new Promise<void>((resolve) => (died = resolve));
  const never = new Promise<never>(() => undefined);
  const die = () => {
    dead = true;
    died();
  };
  const outbox = new Proxy(stores.outbox, {
    get(target, name: keyof Collection<OutboxEntry, 'key'>) {
      const method = target[name] as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        if (dead) return never;
        const result = await method.apply(target, args);
        if (name === 'update' && (args[0] as OutboxEntry).status === 'sent' && ++recorded === afterSends && !answerLost) die();
        return result;
      };
    },
  });
  const killableChannel: ReminderChannel = {
    async attempt(to, message, gate) {
      if (dead) return never;
      const result = await channel.attempt(to, message, gate);
      if (recorded === afterSends && answerLost) die();
      return dead ? never : result;
    },
  };
  return { stores: { ...stores, outbox } as Stores, channel: killableChannel, dead: deadPromise };
}
