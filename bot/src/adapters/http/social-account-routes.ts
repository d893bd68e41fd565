import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { listSocialAccounts, saveSocialAccount, type SaveSocialAccountResult } from '../../app/social-accounts';
import type { Person } from '../../domain/people/person';
import type { ActingAsUser } from '../../ports/acting-as-user.port';
import { send } from './api-refusal';
import { refusal } from '../refusals';

type SignedIn = (
  handler: (person: Person, req: Request, res: Response, asUser?: ActingAsUser) => Promise<void>,
) => (req: Request, res: Response) => Promise<void>;

/** The register of school accounts (s.5): everyone on the staff reads it; the DSL and designated staff change it. */
export function registerSocialAccountRoutes(server: Server, deps: AppDeps, signedIn: SignedIn, clientId?: string): void {
  const respond = (res: Response, result: SaveSocialAccountResult, savedStatus: number) => answerSave(res, result, savedStatus, clientId);

  server.get(
    '/api/social-accounts',
    signedIn(async (person, _req, res) => {
      const result = await listSocialAccounts(deps, person);
      if (result.status === 'not-permitted') return answer(res, 403, { error: refusal(result) });
      answer(res, 200, {
        accounts: result.accounts,
        owners: result.owners.map((owner) => ({ id: owner.id, displayName: owner.displayName })),
      });
    }),
  );

  server.post(
    '/api/social-accounts',
    signedIn(async (person, req, res, asUser) => {
      respond(res, await saveSocialAccount(deps, person, req.body, undefined, asUser), 201);
    }),
  );

  server.put(
    '/api/social-accounts/:id',
    signedIn(async (person, req, res, asUser) => {
      const id = String(req.params?.id ?? '');
      const version = (req.body as { version?: unknown } | undefined)?.version;
      if (!/^\d{1,12}$/.test(id) || typeof version !== 'number')
        return answer(res, 400, { error: 'Send the account with the "version" you were shown.' });
      respond(res, await saveSocialAccount(deps, person, req.body, { id, version }, asUser), 200);
    }),
  );
}

function answerSave(res: Response, result: SaveSocialAccountResult, savedStatus: number, clientId?: string): void {
  switch (result.status) {
    case 'ok':
      return answer(res, savedStatus, { account: result.account });
    case 'not-permitted':
      return answer(res, 403, { error: refusal(result) });
    case 'invalid':
      return answer(res, 422, { error: 'Please correct the fields marked.', errors: result.errors });
    case 'not-found':
      return answer(res, 404, { error: 'That account is not in the register.' });
    case 'consent-required':
      // The tab reads this and asks the person for consent in a pop-up (Teams SSO troubleshooting guide).
      return answer(res, 403, {
        error: "Online Safety Desk needs your permission to check the school email address in your school's directory.",
        consentRequired: true,
        scopes: result.scopes,
        clientId,
      });
    case 'sign-in-again':
      // The school's sign-in policy (multifactor authentication, Conditional Access) wants a fresh
      // sign-in, not consent: 401 with the claims challenge, as the on-behalf-of flow's error
      // response asks (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#error-response-example;
      // header form: https://learn.microsoft.com/entra/identity-platform/claims-challenge).
      res.header(
        'WWW-Authenticate',
        `Bearer error="insufficient_claims"${result.claims ? `, claims="${Buffer.from(result.claims, 'utf8').toString('base64')}"` : ''}`,
      );
      return answer(res, 401, {
        error:
          'Your school asks you to sign in again (for example with a second step) before the school email address can be checked. Nothing was saved yet.',
        signInAgain: true,
        claims: result.claims,
      });
    case 'stale':
      return answer(res, 409, {
        error: 'Someone changed this account while you were editing it. Here it is as it is now: check it and save again.',
        account: result.account,
      });
  }
}

function answer(res: Response, status: number, body: object): void {
  send(res, status, body);
}
