import type { Activity } from 'botbuilder';
import { may, whoMay } from '../../../domain/authorization/permissions';
import { INCIDENT_LIMITS } from '../../../domain/incidents/incident-input';
import type { IncidentReport } from '../../../domain/incidents/incident';
import { withoutHiddenCharacters } from '../../../domain/validation/typed-text';
import { identifyActor, unknownPersonMessage } from '../activity-facts';
import { submitConcern } from '../actions/report-concern.action';
import type { AdaptiveCard, RichPart } from '../cards/card-elements';
import { concernValues, SHOW_PUPILS_FLAG, type ConcernFormValues } from '../cards/incident-cards';
import { concernForm } from '../concern-form';
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

type TaskResponse = {
  task:
    | { type: 'continue'; value: { title: string; width: 'large'; height: 'large'; card: { contentType: string; content: AdaptiveCard } } }
    | { type: 'message'; value: string };
};

/**
 * "Report as a concern" on any Teams message (`composeExtension/fetchTask`): the report form in a
 * dialog, pre-filled with the message's text, author and link, so staff need not copy abuse out.
 */
export async function fetchReportDialog(deps: TeamsDeps, activity: Activity): Promise<TaskResponse> {
  const refusal = await refusalFor(deps, activity);
  if (refusal) return refusal;
  const payload = ((activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload ?? {}) as MessagePayload;
  return dialog(await concernForm(deps, { values: prefill(payload), surface: 'dialog' }));
}

/** The dialog's form was sent (`composeExtension/submitAction`): saved, then the confirmation in the same dialog; or "Show pupils". */
export async function submitReportDialog(deps: TeamsDeps, activity: Activity): Promise<TaskResponse> {
  const refusal = await refusalFor(deps, activity);
  if (refusal) return refusal;
  const actor = (await identifyActor(deps, activity))!;
  const data = (activity.value as { data?: unknown } | undefined)?.data;
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  // "Show pupils" submits the dialog too: the same form comes back with the chosen classes' pupils,
  // nothing saved. Answering a submit with another dialog is Teams' multi-step pattern (msteams-docs,
  // messaging-extensions/how-to/action-commands/respond-to-task-module-submit.md: "Another dialog").
  if (fields[SHOW_PUPILS_FLAG] === 'yes' && typeof fields.submissionKey === 'string') {
    return dialog(
      await concernForm(deps, { submissionKey: fields.submissionKey.slice(0, 100), values: concernValues(fields), surface: 'dialog' }),
    );
  }
  const payload = (activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload;
  return dialog(await submitConcern(deps, actor, fields, 'dialog', payload ? messageCopy(payload) : undefined));
}

/**
 * The copy of the reported message kept with the concern: its text, author, link and time as
 * Teams sends them with the submit (`value.messagePayload`), not as the form came back, so the
 * reporter's edits to "what happened" never change it and it survives the message being deleted.
 * The submit's `messagePayload` is in Bot Framework's MessagingExtensionAction type
 * (https://learn.microsoft.com/dotnet/api/microsoft.bot.schema.teams.messagingextensionaction:
 * "message content sent as part of the command request when the command is invoked from a
 * message"); msteams-docs describe it on the first invoke only, so without it nothing is copied.
 */
function messageCopy(payload: MessagePayload): NonNullable<IncidentReport['sourceMessage']> {
  const facts = prefill(payload);
  const sent = str(payload.createdDateTime);
  return {
    author: facts.sourceAuthor ?? 'unknown',
    link: facts.sourceLink ?? '',
    text: withoutHiddenCharacters(messageText(payload)).slice(0, INCIDENT_LIMITS.whatHappened),
    ...(Number.isNaN(Date.parse(sent)) ? {} : { sentAt: new Date(sent).toISOString() }),
  };
}

async function refusalFor(deps: TeamsDeps, activity: Activity): Promise<TaskResponse | undefined> {
  const actor = await identifyActor(deps, activity);
  if (!actor) return { task: { type: 'message', value: plain(await unknownPersonMessage(deps)) } };
  if (!may(actor, 'incident.report'))
    return {
      task: { type: 'message', value: `Only ${whoMay('incident.report')} can report a concern here; please tell the DSL in person.` },
    };
  return undefined;
}

function dialog(card: AdaptiveCard): TaskResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: 'Report a concern',
        width: 'large',
        height: 'large',
        card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
      },
    },
  };
}

function prefill(payload: MessagePayload): ConcernFormValues {
  // The author's name comes from Teams, not from the reporter, who could not retype it: hidden characters are dropped.
  const author = withoutHiddenCharacters(str(payload.from?.user?.displayName) || str(payload.from?.application?.displayName) || 'unknown');
  const link = str(payload.linkToMessage);
  const created = str(payload.createdDateTime);
  return {
    whatHappened: messageText(payload).slice(0, INCIDENT_LIMITS.whatHappened),
    sourceAuthor: author.slice(0, INCIDENT_LIMITS.author),
    ...(link.startsWith('https://') ? { sourceLink: link.slice(0, INCIDENT_LIMITS.link) } : {}),
    ...(/^\d{4}-\d{2}-\d{2}/.test(created) ? { occurredOn: created.slice(0, 10) } : {}),
  };
}

function messageText(payload: MessagePayload): string {
  const body = str(payload.body?.content);
  return payload.body?.contentType === 'html' ? htmlToText(body) : body;
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
