import { channelDefinitionProblems, CHANNELS } from '@app/channels';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

// Every webhook of every definition is served by ChannelWebhookController's two routes.
export const WEBHOOK_ROUTE_PATTERNS = ['/webhooks/:prefix/:inboxId', '/webhooks/:prefix/:inboxId/*'] as const;

// Fails at boot, not when a beneficiary's message goes nowhere: every channel kind and provider has a complete
// definition, and the routes that serve their webhooks are mounted.
@Injectable()
export class ChannelWiringCheck implements OnApplicationBootstrap {
  constructor(private readonly http: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const problems = channelDefinitionProblems(CHANNELS);
    if (problems.length > 0) throw new Error(`Channel definitions are incomplete: ${problems.join('; ')}`);
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    const methods = new Set(
      Object.values(CHANNELS)
        .flat()
        .flatMap((definition) => definition.webhooks?.routes.map((route) => route.method) ?? []),
    );
    const missing = WEBHOOK_ROUTE_PATTERNS.flatMap((url) =>
      [...methods].filter((method) => !fastify.hasRoute({ method, url })).map((method) => `${method} ${url}`),
    );
    if (missing.length > 0) throw new Error(`Webhook routes are not mounted: ${missing.join(', ')}`);
  }
}
