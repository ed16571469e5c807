import {
  channelWebhookUrl,
  ChannelDefinition,
  findChannelDefinition,
  WebhookInbox,
  WebhookReply,
  WebhookRequest,
  WebhookRoute,
} from '@app/channels';
import { ApiException } from '@app/common';
import { WaslConfig } from '@app/config';
import { ChannelEventIntake } from '@app/conversations';
import { InboxesService } from '@app/inboxes';
import { Injectable } from '@nestjs/common';

export interface ReceivedWebhook {
  prefix: string;
  inboxId: string;
  path: string;
  request: WebhookRequest;
  // Told the route the request matched, as a pattern, for the metrics.
  onRouteMatched?: (pattern: string) => void;
}

// The one way into Wasl for every provider: find the inbox, ask its channel's definition to verify the request
// (before anything is read or stored) and to parse it, hand the events to the intake, answer what the provider
// expects. Nothing here names a vendor; a new channel brings its routes in its definition.
@Injectable()
export class ChannelWebhookPipeline {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly intake: ChannelEventIntake,
    private readonly config: WaslConfig,
  ) {}

  async receive(received: ReceivedWebhook): Promise<WebhookReply> {
    const found = await this.inboxes.findWithSecrets(received.inboxId);
    // A disabled inbox, an inbox of another kind or vendor, or no inbox at all: the same 404, before any check.
    const definition = found?.inbox.active ? findChannelDefinition(found.inbox.channel, found.inbox.provider) : undefined;
    if (!found || !definition || definition.webhooks?.prefix !== received.prefix) throw ApiException.notFound('Inbox');
    const route = routeOf(definition, received.request.method, received.path);
    if (!route) throw ApiException.notFound('Webhook');
    received.onRouteMatched?.(`/webhooks/${received.prefix}/:inboxId${route.path ? `/${route.path}` : ''}`);
    const inbox: WebhookInbox = {
      id: found.inbox.id,
      organisationId: found.inbox.organisationId,
      provider: found.inbox.provider,
      settings: found.inbox.settings,
      secrets: found.secrets,
    };
    route.verify(received.request, inbox);
    const outcome = route.handle(received.request, inbox, {
      webhookUrl: (path) => channelWebhookUrl(this.config.http.publicUrl, received.prefix, inbox.id, path),
      now: new Date(),
    });
    await this.intake.apply(found.inbox, outcome.events);
    return outcome.reply;
  }
}

function routeOf(definition: ChannelDefinition, method: string, path: string): WebhookRoute | undefined {
  const wanted = path.replace(/\/+$/, '');
  return definition.webhooks?.routes.find((route) => route.method === method && route.path === wanted);
}
