import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../../app/app-deps';
import type { Config } from '../../config';
import type { OnlineSafetyBot } from './online-safety-bot';

/**
 * The Bot Framework adapter. With no app id it runs in the anonymous local mode, which
 * `loadConfig` only allows on a loopback address; with one, every request must be signed.
 */
export function createBotAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.mode === 'local'
      ? {}
      : { MicrosoftAppId: config.bot.appId, MicrosoftAppPassword: config.bot.appPassword, MicrosoftAppType: config.bot.appType, MicrosoftAppTenantId: config.bot.tenantId },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(`A ${context.activity.type} activity could not be handled`, error);
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. If you were sending a form, type **my requests** to check whether it arrived before trying again.');
    }
  };
  return adapter;
}

export function botRequestHandler(adapter: CloudAdapter, bot: OnlineSafetyBot) {
  return (req: Request, res: Response): Promise<void> => adapter.process(req, res, (context) => bot.run(context));
}
