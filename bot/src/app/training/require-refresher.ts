import { may } from '../../domain/authorization/permissions';
import { isIsoDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import { readText, trainingText } from '../../domain/training/training-input';
import type { Audience, Refresher } from '../../domain/training/training-requirement';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { localDate } from '../../domain/calendar/zoned-time';
import { refused, type Refused } from '../outcome';

/**
 * s.11: "training … will be refreshed in light of any significant incidents or changes". The DSL
 * requires a refresher for a group by a date; it then shows in compliance and reminders.
 */
export async function requireRefresher(
  deps: AppDeps,
  actor: Person,
  input: { title: string; audience: Audience; group: string; dueOn: string },
): Promise<Refused | { status: 'invalid'; message: string } | { status: 'ok'; refresher: Refresher }> {
  if (!may(actor, 'training.requireRefresher')) {
    await recordAudit(deps, actor, {
      action: 'training.requireRefresher.denied',
      recordType: 'refresher',
      recordId: '-',
      summary: 'Requiring a refresher refused: the person does not hold the role',
    });
    return refused('training.requireRefresher');
  }
  const now = deps.clock.now();
  const today = localDate(now);
  if (!isIsoDate(input.dueOn) || input.dueOn < today)
    return { status: 'invalid', message: 'Give a due date from today on, as YYYY-MM-DD.' };
  const title = readText(trainingText.refresherTitle, input.title);
  if (!title.ok) return { status: 'invalid', message: title.message };
  const group = readText(trainingText.group, input.group);
  if (!group.ok) return { status: 'invalid', message: group.message };
  const refresher = await deps.stores.refreshers.insert({
    title: title.value,
    audience: input.audience,
    group: group.value || 'all',
    dueOn: input.dueOn,
    requiredOn: today,
    requiredById: actor.id,
    requiredByName: actor.displayName,
  });
  await recordAudit(deps, actor, {
    action: 'training.requireRefresher',
    recordType: 'refresher',
    recordId: refresher.id,
    summary: `Refresher required for ${input.audience} (${refresher.group}) by ${input.dueOn}`,
  });
  return { status: 'ok', refresher };
}
