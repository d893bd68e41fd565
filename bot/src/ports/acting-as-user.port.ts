/**
 * Microsoft 365 as the signed-in person (the on-behalf-of flow): what they may see, not what the
 * app may. Only the tabs' API has this, and only inside Teams with SSO.
 */
export interface ActingAsUser {
  /** Whether a mailbox with this address exists in the school's Microsoft 365. */
  mailboxExists(email: string): Promise<boolean>;
}

/** The person has not yet agreed to let the app act for them: the tab must ask them. */
export class ConsentRequiredError extends Error {
  constructor(readonly scopes: readonly string[]) {
    super('The signed-in person has not consented to these permissions yet.');
    this.name = 'ConsentRequiredError';
  }
}

/**
 * The school's Conditional Access or multifactor authentication wants the person to sign in again
 * (for example with a second factor) before the app may act for them. Not a consent question: the
 * tab must sign them in again, presenting `claims` when Entra ID gave them.
 */
export class SignInAgainError extends Error {
  constructor(readonly claims: string) {
    super("The signed-in person must sign in again to satisfy the school's sign-in policy.");
    this.name = 'SignInAgainError';
  }
}
