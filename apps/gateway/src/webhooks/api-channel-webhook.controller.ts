import { API_SIGNATURE_HEADER, ChannelKind, parseApiInbound, verifyApiSignature } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { InboundIntakeService } from '@app/conversations';
import { Public } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Controller, Headers, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { WEBHOOK_REQUEST_BODIES } from './webhook-request-bodies.constant';

// The association's own website or app posts beneficiaries' messages here, signed with the inbox secret.
@ApiTags('webhooks')
@Public()
@Controller('webhooks/api')
export class ApiChannelWebhookController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly intake: InboundIntakeService,
  ) {}

  @Post(':inboxId/messages')
  @HttpCode(202)
  @ApiConsumes('application/json')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.apiChannel })
  @ApiHeader({ name: 'X-Wasl-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with the inbox secret>' })
  async receive(
    @Param('inboxId') inboxId: string,
    @Headers(API_SIGNATURE_HEADER) signature: string | undefined,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<{ accepted: true }> {
    const found = await this.inboxes.findWithSecrets(inboxId);
    if (!found || found.inbox.channel !== ChannelKind.Api || !found.inbox.active) throw ApiException.notFound('Inbox');
    // Verified before anything is parsed or stored.
    if (!request.rawBody || !verifyApiSignature(request.rawBody, signature, found.secrets.signingSecret)) {
      throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Wasl-Signature');
    }
    const message = parseApiInbound(request.body);
    await this.intake.accept(found.inbox, message);
    return { accepted: true };
  }
}
