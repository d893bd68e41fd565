import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Logger } from '../../app/app-deps';
import { logValue } from '../../app/log-value';
import type { Config } from '../../config';
import type { OnlineSafetyBot } from './online-safety-bot';
import { duringClick } from './click-reads';

/**
 * The Bot Framework adapter. With no app id it runs in the anonymous local mode, which
 * `loadConfig` only allows on a loopback address; with one, every request must be signed.
 */
export function createBotAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new SignatureErrorsAre401(
    config.mode === 'local'
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.tenantId,
          ...(config.bot.openIdMetadataUrl ? publicCloudWithMetadataFrom(config.bot.openIdMetadataUrl) : {}),
        },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(`A ${logValue(context.activity.type, 30)} activity could not be handled`, error);
    if (context.activity.type === 'message') {
      await context.sendActivity(
        'Sorry, something went wrong on my side. If you were sending a form, type **my requests** to check whether it arrived before trying again.',
      );
    }
  };
  return adapter;
}

/**
 * botbuilder lets a token's verification errors other than expiry (a bad signature, a malformed
 * token) escape as a 500 carrying the error's text; every one of them is a refused sign-in: 401.
 */
class SignatureErrorsAre401 extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError') throw new AuthenticationError('Unauthorized', 401);
      throw error;
    }
  }
}

/** Each activity is one click: what it reads of conversations and sent cards, it reads once (`duringClick`). */
export function botRequestHandler(adapter: CloudAdapter, bot: OnlineSafetyBot) {
  return (req: Request, res: Response): Promise<void> => adapter.process(req, res, (context) => duringClick(() => bot.run(context)));
}

/**
 * botbuilder takes all of the public cloud's settings as given once any one of them is set, so
 * moving only where the signing keys are published means restating the others (botframework-
 * connector's AuthenticationConstants for the public cloud).
 */
function publicCloudWithMetadataFrom(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
