import type { Media } from '../consent/consent';
import type { ApprovedDevice } from '../devices/approved-device';
import type { CheckFailure } from '../posting/posting-checks';
import { attachedMedia, type PostingAttachment } from './posting-attachment';

/** What the media checks look at: the kinds the requester ticked and the files attached. */
export interface MediaDraft {
  media: readonly Media[];
  attachments: readonly PostingAttachment[] | undefined;
}

/** The device the requester named (picked or typed), and what the register holds under it. */
export interface NamedDevice {
  named: boolean;
  typedName?: string;
  found?: ApprovedDevice;
}

/** The kinds of media a request uses: those ticked and those the attached files are (s.4: consent is checked for both). */
export function mediaUsed(draft: Pick<MediaDraft, 'media' | 'attachments'>): Media[] {
  return [...new Set([...draft.media, ...attachedMedia(draft.attachments)])];
}

/**
 * s.4: the headteacher sees what will be posted, so photos and videos are attached, not only
 * described; and they were taken on a school device the online safety lead approved.
 */
export function checkMedia(draft: MediaDraft, device: NamedDevice): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const used = mediaUsed(draft);
  const attached = new Set(attachedMedia(draft.attachments));
  for (const media of draft.media) {
    if (!attached.has(media)) {
      failures.push({
        check: 'attachments',
        message: `You said the post has ${media}, but none are attached. Send them to me in this chat, or upload them on the request in the Online Safety Desk tab, so the headteacher sees what will be posted.`,
      });
    }
  }
  if (used.length === 0) return failures;
  const found = device.found;
  if (!device.named) {
    failures.push({
      check: 'device',
      message:
        'Say which school device the photos or videos were taken on. Only devices the online safety lead has approved may be used (policy section 4).',
    });
  } else if (!found) {
    const which = device.typedName ? `No device called "${device.typedName}" is` : 'The device you chose is not';
    failures.push({
      check: 'device',
      message: `${which} on the register of approved school devices. Use an approved device, or ask the online safety lead to approve it (policy section 4).`,
    });
  } else if (!found.active) {
    failures.push({
      check: 'device',
      message: `${found.name} was retired from the approved school devices${found.retired ? ` on ${found.retired.on}` : ''}. Use photos or videos taken on an approved device (policy section 4).`,
    });
  }
  return failures;
}
