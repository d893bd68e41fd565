import type { Activity } from 'botbuilder';
import { may, whoMay } from '../../../domain/authorization/permissions';
import { INCIDENT_LIMITS } from '../../../domain/incidents/incident-input';
import { withoutHiddenCharacters } from '../../../domain/validation/typed-text';
import { identifyActor, unknownPersonMessage } from '../activity-facts';
import { submitConcern } from '../actions/report-concern.action';
import type { AdaptiveCard, RichPart } from '../cards/card-elements';
import { concernFormCard, type ConcernFormValues } from '../cards/incident-cards';
import type { TeamsDeps } from '../teams-deps';

/** The message action's command id in the app manifest (`composeExtensions[].commands[].id`). */
export const REPORT_MESSAGE_COMMAND = 'reportAsConcern';

/** The part of `value.messagePayload` Teams sends with a message action that we read. */
interface MessagePayload {
  linkToMessage?: unknown;
  createdDateTime?: unknown;
  body?: { contentType?: unknown; content?: unknown };
  from?: { user?: { displayName?: unknown } | null; application?: { displayName?: unknown } | null } | null;
}

type TaskResponse = { task: { type: 'continue'; value: { title: string; width: 'large'; height: 'large'; card: { contentType: string; content: AdaptiveCard } } } | { type: 'message'; value: string } };

/**
 * "Report as a concern" on any Teams message (`composeExtension/fetchTask`): the report form in a
 * dialog, pre-filled with the message's text, author and link, so staff need not copy abuse out.
 */
export async function fetchReportDialog(deps: TeamsDeps, activity: Activity): Promise<TaskResponse> {
  const refusal = await refusalFor(deps, activity);
  if (refusal) return refusal;
  const payload = ((activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload ?? {}) as MessagePayload;
  return dialog(concernFormCard({ submissionKey: deps.newKey(), today: deps.clock.now().toISOString(), values: prefill(payload), surface: 'dialog' }));
}

/** The dialog's form was sent (`composeExtension/submitAction`): saved, then the confirmation in the same dialog. */
export async function submitReportDialog(deps: TeamsDeps, activity: Activity): Promise<TaskResponse> {
  const refusal = await refusalFor(deps, activity);
  if (refusal) return refusal;
  const actor = (await identifyActor(deps, activity))!;
  const data = (activity.value as { data?: unknown } | undefined)?.data;
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return dialog(await submitConcern(deps, actor, fields, 'dialog'));
}

async function refusalFor(deps: TeamsDeps, activity: Activity): Promise<TaskResponse | undefined> {
  const actor = await identifyActor(deps, activity);
  if (!actor) return { task: { type: 'message', value: plain(await unknownPersonMessage(deps)) } };
  if (!may(actor, 'incident.report')) return { task: { type: 'message', value: `Only ${whoMay('incident.report')} can report a concern here; please tell the DSL in person.` } };
  return undefined;
}

function dialog(card: AdaptiveCard): TaskResponse {
  return { task: { type: 'continue', value: { title: 'Report a concern', width: 'large', height: 'large', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } } } };
}

function prefill(payload: MessagePayload): ConcernFormValues {
  // The author's name comes from Teams, not from the reporter, who could not retype it: hidden characters are dropped.
  const author = withoutHiddenCharacters(str(payload.from?.user?.displayName) || str(payload.from?.application?.displayName) || 'unknown');
  const link = str(payload.linkToMessage);
  const created = str(payload.createdDateTime);
  const body = str(payload.body?.content);
  const text = payload.body?.contentType === 'html' ? htmlToText(body) : body;
  return {
    whatHappened: text.slice(0, INCIDENT_LIMITS.whatHappened),
    sourceAuthor: author.slice(0, INCIDENT_LIMITS.author),
    ...(link.startsWith('https://') ? { sourceLink: link.slice(0, INCIDENT_LIMITS.link) } : {}),
    ...(/^\d{4}-\d{2}-\d{2}/.test(created) ? { occurredOn: created.slice(0, 10) } : {}),
  };
}

/** A Teams message's HTML as the plain text a person would read: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function plain(lines: RichPart[][]): string {
  return lines.map((line) => line.map((part) => (typeof part === 'string' ? part : part.text)).join('')).join('\n');
}
