import type { Outcome } from '../app/outcome';

/** How a banner looks on a card (the Adaptive Card container styles the cards use). */
export type BannerTone = 'good' | 'warning' | 'attention' | 'accent';

/**
 * The one table from a use case's outcome to what the person gets: the HTTP status the tabs' API
 * answers, and the banner a card shows when the use case has nothing more particular to say (its
 * own message, the rules' words, the field errors). Shared by the HTTP and Teams adapters.
 */
export const OUTCOME_ANSWERS: Record<Outcome, { status: number; banner: { text: string; tone: BannerTone } }> = {
  ok: { status: 200, banner: { text: 'Done.', tone: 'good' } },
  invalid: { status: 422, banner: { text: 'Please correct the field marked below. Nothing was changed.', tone: 'attention' } },
  'not-permitted': { status: 403, banner: { text: 'You may not do that here. Nothing was changed.', tone: 'warning' } },
  'not-found': { status: 404, banner: { text: 'That record is not there any more. Type **my requests** to find yours.', tone: 'warning' } },
  'not-now': { status: 409, banner: { text: 'This has moved on since, so nothing was changed.', tone: 'warning' } },
  stale: {
    status: 409,
    banner: {
      text: 'This card was out of date, so nothing was changed. Here is the request as it is now: please check it and try again.',
      tone: 'warning',
    },
  },
  'not-saved': {
    status: 503,
    banner: {
      text: 'Nothing was changed because the school records could not be reached. Please try again in a few minutes.',
      tone: 'attention',
    },
  },
};

/** What a form that would have made a new record says instead of "nothing was changed". */
export const NEW_RECORD_ANSWERS: Partial<Record<Outcome, { text: string; tone: BannerTone }>> = {
  invalid: { text: 'Please correct the fields marked below. Nothing has been saved yet.', tone: 'attention' },
  'not-saved': {
    text: 'Your request was NOT saved because the school records could not be reached. Please try again in a few minutes.',
    tone: 'attention',
  },
  stale: { text: 'This form could not be used. Please start a new request.', tone: 'attention' },
};

/** The banner for an outcome, on a form that makes a new record or on a record's card. */
export function outcomeBanner(outcome: Outcome, making: 'new' | 'change' = 'change'): { text: string; tone: BannerTone } {
  return (making === 'new' ? NEW_RECORD_ANSWERS[outcome] : undefined) ?? OUTCOME_ANSWERS[outcome].banner;
}
