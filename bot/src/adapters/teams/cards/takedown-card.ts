import type { TakedownDetails } from '../../../app/takedown-details';
import { takedownReference, type TrackedTakedown } from '../../../domain/consent/takedown';
import {
  adaptiveCard,
  executeAction,
  heading,
  notice,
  refreshFor,
  richText,
  text,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
  type Tone,
} from './card-elements';
import { formatDate, formatDateTime } from './format';

export const VERB_TAKEDOWN_REMOVED = 'takedownRemoved';
export const VERB_TAKEDOWN_CANNOT = 'takedownCannotRemove';
export const VERB_REFRESH_TAKEDOWN = 'refreshTakedown';
export const VERB_OPEN_TAKEDOWN = 'openTakedown';

/** A task with what it refers to, read from the store for display. */
export type TakedownView = TakedownDetails;

const STATUS_TONES: Record<TrackedTakedown['status'], Tone> = { 'to do': 'warning', removed: 'good', 'cannot be removed': 'attention' };

/** One post to take down after a parent withdrew consent (s.4); buttons only for who may close it. */
export function takedownCard(
  view: TakedownView,
  options: { canClose: boolean; viewerTeamsId?: string; banner?: { text: string; tone: Tone }; reason?: string; reasonError?: string },
): AdaptiveCard {
  const { task } = view;
  const body: CardElement[] = [
    heading(`Take down a post — ${takedownReference(task.id)}`),
    text(`**Status:** ${task.status}`, { color: STATUS_TONES[task.status] }),
    ...(options.banner ? [notice(options.banner.text, options.banner.tone)] : []),
    ...(task.urgent
      ? [
          notice(
            'Urgent: this post went up on or after the day consent stopped, so it was posted without consent. Take it down first. The DSL has been told; it is a possible data-protection breach.',
            'attention',
          ),
        ]
      : []),
    richText([
      'Consent for ',
      { text: task.media, bold: true },
      ' of ',
      { text: view.pupilName, bold: true },
      ` was withdrawn or amended in writing (received ${formatDate(`${view.noticeReceived.slice(0, 10)}T12:00:00Z`)}). This post shows them:`,
    ]),
    userText(view.link, { label: 'Post' }),
    userText(`${view.accountLabel}, posted ${formatDate(`${view.postedOn.slice(0, 10)}T12:00:00Z`)}`, { label: 'Account' }),
    text(
      'Remove the post (or the image or video of this pupil) wherever it is reasonably practicable, then say so here (Social Media Policy, section 4).',
      { subtle: true },
    ),
    ...(task.status === 'cannot be removed' ? [userText(task.reason, { label: 'Why it cannot be removed' })] : []),
    ...(task.status !== 'to do' ? [text(`Closed on ${formatDateTime(task.updatedAt)}.`, { subtle: true })] : []),
  ];
  if (options.canClose && task.status === 'to do') {
    body.push(
      textInput('reason', 'If it cannot be removed, why not?', {
        multiline: true,
        maxLength: 1000,
        ...(options.reason ? { value: options.reason } : {}),
      }),
    );
    if (options.reasonError) body.push(text(options.reasonError, { color: 'attention', size: 'Small', spacing: 'None' }));
  }
  const data = { taskId: task.id };
  return adaptiveCard(body, {
    ...(options.canClose && task.status === 'to do'
      ? {
          actions: [
            executeAction('Removed ✓', VERB_TAKEDOWN_REMOVED, data, { style: 'positive' }),
            executeAction('Cannot be removed', VERB_TAKEDOWN_CANNOT, data),
          ],
        }
      : {}),
    ...(options.viewerTeamsId && task.status === 'to do'
      ? { refresh: refreshFor(VERB_REFRESH_TAKEDOWN, data, [options.viewerTeamsId]) }
      : {}),
  });
}

/** The open tasks of one owner (or, for the DSL, everyone's). */
export function takedownListCard(views: TakedownView[]): AdaptiveCard {
  if (views.length === 0) return adaptiveCard([heading('Posts to take down'), text('Nothing to take down. ✓', { color: 'good' })]);
  return adaptiveCard([
    heading('Posts to take down'),
    text(
      `${views.length} post${views.length === 1 ? '' : 's'} still to deal with after consent was withdrawn (Social Media Policy, section 4). Open one to close it.`,
    ),
    ...views.slice(0, MAX_LISTED).map((view): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        richText([
          { text: `${view.task.urgent ? 'URGENT ' : ''}#${view.task.id} `, bold: true },
          `${view.pupilName} · ${view.task.media} · ${shorten(view.accountLabel, 60)}`,
        ]),
        { ...userText(shorten(view.link, 100)), spacing: 'None' },
      ],
      selectAction: executeAction(`Open task ${view.task.id}`, VERB_OPEN_TAKEDOWN, { taskId: view.task.id }),
    })),
    ...(views.length > MAX_LISTED
      ? [text(`…and ${views.length - MAX_LISTED} more. Close these and type **takedowns** again.`, { subtle: true })]
      : []),
  ]);
}

/** Enough to work through; the card stays under Teams' size limit. */
const MAX_LISTED = 20;

function shorten(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
