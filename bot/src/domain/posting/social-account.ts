/**
 * A school social media account (Social Media Policy s.5): created and monitored by the DSL or
 * designated staff, for a strong pedagogical or business reason, linked to a school email.
 */
export interface SocialAccount {
  id: string;
  platform: string;
  handle: string;
  purpose: string;
  /** The pedagogical or business reason (s.5: never for trivial reasons). */
  reason: string;
  ownerId: string;
  ownerName: string;
  schoolEmail: string;
  /** How the success of the account is evaluated (s.5). */
  successMeasure: string;
  active: boolean;
}
