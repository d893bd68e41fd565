/**
 * What the person is asked when Entra ID refuses the on-behalf-of exchange: consent only when
 * consent is missing; "sign in again" (with the claims) when the school's sign-in policy wants it;
 * anything else stays an error. The shapes are msal-node's errors built from Entra ID's answers.
 */
import { asPersonsProblem } from '../../../../bot/src/adapters/graph/on-behalf-of';
import { ConsentRequiredError, SignInAgainError } from '../../../../bot/src/ports/acting-as-user.port';

const CLAIMS = '{"access_token":{"polids":{"essential":true,"values":["p1"]}}}';

describe('on-behalf-of refusals', () => {
  it.each([
    [
      'AADSTS65001 as invalid_grant with consent_required',
      'consent',
      { errorCode: 'invalid_grant', subError: 'consent_required', errorMessage: 'AADSTS65001: not consented', errorNo: '65001' },
      '',
    ],
    [
      'AADSTS65001 raised as interaction_required',
      'consent',
      { errorCode: 'interaction_required', errorMessage: 'AADSTS65001: The user has not consented' },
      '',
    ],
    ['consent_required as the error itself', 'consent', { errorCode: 'consent_required' }, ''],
    [
      'AADSTS50079 (enrol in MFA) with claims',
      'sign-in',
      { errorCode: 'interaction_required', errorMessage: 'AADSTS50079: you must enroll in multifactor authentication', claims: CLAIMS },
      CLAIMS,
    ],
    [
      'AADSTS50076 (use MFA) as invalid_grant, no claims',
      'sign-in',
      { errorCode: 'invalid_grant', errorMessage: 'Description: AADSTS50076: you must use multi-factor authentication', errorNo: '50076' },
      '',
    ],
    [
      'a Conditional Access claims challenge alone',
      'sign-in',
      { errorCode: 'invalid_grant', errorMessage: 'AADSTS53003', claims: CLAIMS },
      CLAIMS,
    ],
    ['interaction_required with nothing else', 'sign-in', { errorCode: 'interaction_required' }, ''],
    [
      'an unrelated invalid_client',
      'error',
      { errorCode: 'invalid_client', errorMessage: 'AADSTS7000215: Invalid client secret provided.' },
      '',
    ],
  ] as const)('%s → %s', (_, expected, error, claims) => {
    const problem = asPersonsProblem(error);
    const asked =
      problem instanceof ConsentRequiredError
        ? 'consent'
        : problem instanceof SignInAgainError
          ? 'sign-in'
          : problem === error
            ? 'error'
            : 'something else';
    expect({ asked, claims: problem instanceof SignInAgainError ? problem.claims : '' }).toEqual({ asked: expected, claims });
  });
});
