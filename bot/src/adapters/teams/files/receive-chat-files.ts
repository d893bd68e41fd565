import type { Activity } from 'botbuilder';
import { attachPostingMedia, type ChangeMediaResult } from '../../../app/media/change-posting-media';
import { MEDIA_CHANGEABLE } from '../../../domain/media/media-change';
import { ACCEPTED_TYPES, displayName } from '../../../domain/media/media-file';
import type { Person } from '../../../domain/people/person';
import { postingReference, type PostingRequest } from '../../../domain/posting/posting-request';
import type { ReminderMessage } from '../../../ports/outbox.port';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import type { TeamsDeps } from '../teams-deps';
import { downloadChatFile, type ChatFile } from './chat-files';

const TITLE = 'Photos and videos for a request to post';

/**
 * Files sent to the bot in the private chat go onto the sender's request to post that can still
 * change: the one named in the message ("12", "#12"), or their only one. The answer comes at once;
 * the files are fetched and checked afterwards (a video can take minutes), and the outcome of each
 * is sent through the outbox, so it reaches the person even if they have moved on.
 */
export async function receiveChatFiles(
  deps: TeamsDeps,
  person: Person,
  activity: Activity,
  files: ChatFile[],
  pasted: number,
): Promise<AdaptiveCard> {
  if (files.length === 0) {
    return messageCard(
      `Pictures pasted into a message reach me without their file, so I can't attach them. Send them as files instead (the paperclip, then "Upload from this device"): ${ACCEPTED_TYPES}.`,
      TITLE,
    );
  }
  const open = (await deps.stores.postingRequests.find({ where: { requesterId: person.id }, newestFirst: true, limit: 50 })).items.filter(
    (request) => MEDIA_CHANGEABLE.includes(request.state),
  );
  const target = chooseRequest(open, activity.text ?? '');
  if (target.status === 'none')
    return messageCard(
      'You have no request to post that can still change. Type **request to post**, send the form, then send me the photos or videos.',
      TITLE,
    );
  if (target.status === 'ambiguous') {
    return messageCard(
      `Which request are these for? You have ${open.length} that can still change: ${open.map((request) => postingReference(request.id)).join(', ')}. Send the files again with the request's reference in the message, for example "${postingReference(open[0]!.id)}".`,
      TITLE,
    );
  }
  const request = target.request;
  deps.background.run(`files for posting request ${request.id}`, () => attachAll(deps, person, activity, request.id, files));
  const ignored = pasted
    ? ` (${pasted} pasted picture${pasted === 1 ? '' : 's'} can't be attached: send ${pasted === 1 ? 'it' : 'them'} as files)`
    : '';
  return messageCard(
    `Checking ${files.length} file${files.length === 1 ? '' : 's'} for request ${postingReference(request.id)}${ignored}. I'll tell you when ${files.length === 1 ? 'it is' : 'they are'} attached; the headteacher sees them with the request.`,
    TITLE,
  );
}

type Choice = { status: 'none' } | { status: 'ambiguous' } | { status: 'one'; request: PostingRequest };

/** The request named in the message, or the only one that can still change. */
export function chooseRequest(open: PostingRequest[], typed: string): Choice {
  const named = /(?:^|[^\w])(?:p-?|#)?(\d{1,12})\b/i.exec(typed.replace(/<at>[^<]*<\/at>/gi, ' '))?.[1];
  const match = named ? open.find((request) => request.id === named) : undefined;
  if (match) return { status: 'one', request: match };
  if (open.length === 1) return { status: 'one', request: open[0]! };
  return open.length === 0 ? { status: 'none' } : { status: 'ambiguous' };
}

async function attachAll(deps: TeamsDeps, person: Person, activity: Activity, requestId: string, files: ChatFile[]): Promise<void> {
  const lines: string[] = [];
  let attached = 0;
  for (const file of files) {
    const name = displayName(file.name);
    const download = await downloadChatFile(file, deps.localMode).catch(() => ({
      refused: 'Teams could not hand it over; try sending it again.',
    }));
    if ('refused' in download) {
      lines.push(`✗ ${name}: ${download.refused}`);
      continue;
    }
    const result = await attachPostingMedia(deps, deps.media, person, requestId, { name: file.name, ...download });
    if (result.status === 'ok') {
      attached++;
      lines.push(`✓ ${name} is attached.`);
    } else {
      lines.push(`✗ ${refusal(result, name, requestId)}`);
    }
  }
  const message: ReminderMessage = {
    title:
      attached === files.length
        ? `Attached to request ${postingReference(requestId)}`
        : `${attached} of ${files.length} attached to request ${postingReference(requestId)}`,
    lines,
    tone: attached === files.length ? 'accent' : 'warning',
    act: { label: 'Open the request', record: { recordType: 'postingRequest', recordId: requestId } },
  };
  await deps.announce(`chat files ${activity.id ?? requestId}`, [
    { person, reason: 'chat-files', period: activity.id ?? `${requestId}-${deps.clock.now().getTime()}`, message },
  ]);
}

function refusal(result: Exclude<ChangeMediaResult, { status: 'ok' }>, name: string, requestId: string): string {
  switch (result.status) {
    case 'not-found':
      return `request ${postingReference(requestId)} is no longer there.`;
    case 'not-saved':
      return `${name} was NOT attached because the school's file store could not be reached. Please try again in a few minutes.`;
    default:
      return result.message;
  }
}
