import { WebhookRequest } from '@app/channels';
import { WaslConfig } from '@app/config';
import { Public } from '@app/identity';
import { All, Controller, RawBodyRequest, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { labelRequestRoute } from '../http/route-label.util';
import { ChannelWebhookPipeline } from './channel-webhook.pipeline';

type IncomingWebhook = RawBodyRequest<FastifyRequest>;
interface WebhookRouteParameters {
  prefix: string;
  inboxId: string;
  '*'?: string;
}

// Every provider webhook, for every channel: /webhooks/<prefix>/<inboxId>/<path>. The routes themselves are the
// channel definitions'; the OpenAPI document lists each of them (webhook-openapi.util.ts), not this catch-all.
@ApiExcludeController()
@Public()
@Controller('webhooks/:prefix/:inboxId')
export class ChannelWebhookController {
  constructor(
    private readonly pipeline: ChannelWebhookPipeline,
    private readonly config: WaslConfig,
  ) {}

  // The route's parameters are read from the request rather than through @Param: every webhook then skips three
  // runs of the global pipe, which showed in the ingestion benchmark's profile.
  @All()
  receiveAtInbox(@Req() request: IncomingWebhook, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | object> {
    return this.receive(request, reply);
  }

  @All('*')
  receiveAtPath(@Req() request: IncomingWebhook, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | object> {
    return this.receive(request, reply);
  }

  private async receive(request: IncomingWebhook, reply: FastifyReply) {
    const { prefix, inboxId, '*': path } = request.params as WebhookRouteParameters;
    const answer = await this.pipeline.receive({
      prefix,
      inboxId,
      path: path ?? '',
      request: this.webhookRequestOf(request),
      onRouteMatched: (pattern) => labelRequestRoute(request, pattern),
    });
    void reply.status(answer.status).header('content-type', answer.contentType);
    return answer.body;
  }

  private webhookRequestOf(request: IncomingWebhook): WebhookRequest {
    return {
      method: request.method,
      // Providers sign the URL they called: behind a proxy that is the configured public URL, not the Host seen here.
      publicUrl: `${this.config.http.publicUrl}${request.originalUrl}`,
      headers: request.headers,
      query: request.query as WebhookRequest['query'],
      body: request.body,
      rawBody: request.rawBody,
    };
  }
}
