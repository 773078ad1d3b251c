/**
 * @module channels/botframework/bot-framework-authentication
 * botbuilder's `ConfigurationBotFrameworkAuthentication` from kefu's settings, made to fail
 * closed: botbuilder answers 401 only for its own `AuthenticationError`; a token that fails
 * `jsonwebtoken.verify` (bad signature or `alg: none` under a known key id) or signing keys that
 * cannot be loaded surface as other errors, which `CloudAdapter.process` turns into a 500. Here
 * every failure to authenticate a request is an `AuthenticationError` (401), and no turn runs.
 */
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, CallerIdConstants } from 'botbuilder';
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotFrameworkConfig } from '../../config';
import { createLogger } from '../../log';

const log = createLogger('kefu:botframework:auth');


/**
 * The options botbuilder reads. With no metadata override the public cloud defaults apply as
 * botbuilder chooses them; an override makes botbuilder take every endpoint from the options,
 * so the remaining ones are the public cloud's.
 */
export function authenticationOptions(settings: BotFrameworkConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appType ?? '',
    MicrosoftAppTenantId: settings.tenantId ?? '',
  };
  if (!settings.toBotFromChannelOpenIdMetadataUrl && !settings.toBotFromEmulatorOpenIdMetadataUrl) return options;
  return {
    ...options,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: settings.toBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: settings.toBotFromEmulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** `ConfigurationBotFrameworkAuthentication` whose request authentication fails only with a 401. */
export class FailClosedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(settings: BotFrameworkConfig) {
    const options = authenticationOptions(settings);
    // Built here so that invalid settings (SingleTenant without a tenant…) fail at start.
    super(options, new ConfigurationServiceClientCredentialFactory(options));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      log.warn('refused a request whose token could not be verified: %s', (err as Error)?.message ?? String(err));
      throw new AuthenticationError('Unauthorized. The token could not be verified.', 401);
    }
  }
}
