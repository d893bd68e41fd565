/**
 * How each kind of record's steps look in the tab: the buttons, and the text the steps take. Which
 * steps a person may take, and whether the text is required, are the server's to decide (it checks
 * every step again); this only words them as the cards do.
 */
export interface StepKind {
  /** Where its steps are sent. */
  path(id: string): string;
  /** Each step's button, and what the page says once it is done. */
  buttons: Record<string, { label: string; primary?: boolean; done: string }>;
  /** The one text box the offered steps share, labelled for them; none when they take no text. */
  text(steps: string[]): string | undefined;
  /** A second box: further risks and control measures, when forwarding. */
  extra?(steps: string[]): string | undefined;
  /** A day the offered steps may take (ending an unblock sooner when approving it), labelled; none when they take no day. */
  day?(steps: string[]): string | undefined;
  /** The request body for a step (`day` is the date field's value, YYYY-MM-DD or empty). */
  body(verb: string, text: string, extra: string, version: number, day?: string): object;
  /** Steps offered on the card in the chat only (they need the whole form). */
  inChatOnly?: Record<string, string>;
}

const RESUBMIT_IN_CHAT = 'To change it and send it again, use Edit and resubmit on its card in the Online Safety Desk chat.';

export const ACCESS_STEPS: StepKind = {
  path: (id) => `/api/access-requests/${id}/steps`,
  buttons: {
    forward: {
      label: 'Send to the headteacher',
      primary: true,
      done: 'Sent to the headteacher for a decision. The requester is being told.',
    },
    return: { label: 'Return to requester', done: 'Returned to the requester with your reason. They are being told.' },
    approve: {
      label: 'Approve',
      primary: true,
      done: 'Approved and signed. The ICT technician is being asked to open the site, and the requester told.',
    },
    refuse: { label: 'Refuse', done: 'Refused and signed. The requester is being told, with your reasons.' },
    markDone: { label: 'Done — site opened', primary: true, done: 'Marked as done. The requester is being told the site is open.' },
    withdraw: { label: 'Withdraw request', done: 'Your request has been withdrawn.' },
    reblock: {
      label: 'Done — blocked again',
      primary: true,
      done: 'Marked as blocked again: this unblock is closed. The requester is being told.',
    },
    setEnd: {
      label: 'Set the last day',
      primary: true,
      done: 'Saved. The ICT technician will be asked to block the site again after its last day.',
    },
  },
  text: (steps) =>
    steps.includes('forward')
      ? 'Note (required if you return it)'
      : steps.includes('approve')
        ? 'Reasons (required if you refuse)'
        : steps.includes('markDone') || steps.includes('reblock')
          ? 'What was changed on the filter (optional)'
          : steps.includes('setEnd')
            ? 'Last day the site stays open (YYYY-MM-DD)'
            : undefined,
  extra: (steps) => (steps.includes('forward') ? 'Further risks and control measures (optional)' : undefined),
  day: (steps) => (steps.includes('approve') ? 'End it sooner: an earlier last day (optional)' : undefined),
  body: (verb, text, extra, version, day) =>
    verb === 'setEnd'
      ? { verb, endDate: text, version }
      : { verb, reasons: text, addedRisksAndControls: extra, version, ...(verb === 'approve' && day ? { endDate: day } : {}) },
  inChatOnly: { resubmit: RESUBMIT_IN_CHAT },
};

export const POSTING_STEPS: StepKind = {
  path: (id) => `/api/posting-requests/${id}/steps`,
  buttons: {
    approve: { label: 'Approve', primary: true, done: 'Approved and signed. The requester is being told they may post it.' },
    refuse: { label: 'Refuse', done: 'Refused and signed. The requester is being told, with your reasons.' },
    confirmPosted: {
      label: 'Posted: register it',
      primary: true,
      done: 'Thank you. The post is registered with its pupils, so a later withdrawal of consent will find it.',
    },
    withdraw: { label: 'Withdraw request', done: 'Your request has been withdrawn.' },
  },
  text: (steps) =>
    steps.includes('approve')
      ? 'Reasons (required if you refuse)'
      : steps.includes('confirmPosted')
        ? 'Link to the post, once it is up'
        : undefined,
  body: (verb, text, _extra, version) => (verb === 'confirmPosted' ? { verb, link: text, version } : { verb, reasons: text, version }),
  inChatOnly: { resubmit: RESUBMIT_IN_CHAT },
};

export const TAKEDOWN_STEPS: StepKind = {
  path: (id) => `/api/takedowns/${id}/steps`,
  buttons: {
    removed: { label: 'Removed', primary: true, done: 'Thank you: recorded as removed.' },
    cannotBeRemoved: { label: 'Cannot be removed', done: 'Recorded as cannot be removed, with your reason.' },
  },
  text: () => 'If it cannot be removed, why not?',
  body: (verb, text, _extra, version) => ({ verb, reasons: text, version }),
};

export const TRAINING_STEPS: StepKind = {
  path: (id) => `/api/training/records/${id}/decision`,
  buttons: {
    confirm: { label: 'Confirm', primary: true, done: 'Confirmed. They are being told.' },
    reject: { label: 'Not confirmed', done: 'Not confirmed, with your reason. They are being told.' },
  },
  text: () => 'If not confirmed, why? (they are told)',
  body: (verb, text) => ({ decision: verb, reason: text }),
};

export const REVIEW_ACTION_STEPS: StepKind = {
  path: (id) => `/api/review-actions/${id}/steps`,
  buttons: { done: { label: 'Done', primary: true, done: 'Thank you: marked as done, with your note.' } },
  text: () => 'What was done (required)',
  body: (verb, text, _extra, version) => ({ verb, note: text, version }),
};
