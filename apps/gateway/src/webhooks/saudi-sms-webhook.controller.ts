import { parseTaqnyatInboundSms, parseUnifonicInboundSms, SmsProvider } from '@app/channels';
import { InboundIntakeService } from '@app/conversations';
import { Public } from '@app/identity';
import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SmsWebhookTokenVerifier } from './sms-webhook-token.verifier';
import { WEBHOOK_REQUEST_BODIES } from './webhook-request-bodies.constant';

const TOKEN_QUERY = { name: 'token', required: true, description: 'The inbox secret returned when the inbox was created' };
const RECEIVED = { schema: { type: 'object', properties: { received: { type: 'boolean', enum: [true] } }, required: ['received'] } };

// Beneficiaries' replies through the Saudi gateways. The same provider message id posted again is stored once and
// applied once (the intake's unique index), so a gateway's retries are harmless.
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class SaudiSmsWebhookController {
  constructor(
    private readonly verifier: SmsWebhookTokenVerifier,
    private readonly intake: InboundIntakeService,
  ) {}

  @Post('unifonic/:inboxId/sms')
  @HttpCode(200)
  @ApiOperation({ summary: 'An SMS a beneficiary sent to the association through Unifonic' })
  @ApiQuery(TOKEN_QUERY)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.unifonicInboundSms })
  @ApiOkResponse(RECEIVED)
  async receiveUnifonic(
    @Param('inboxId') inboxId: string,
    @Query('token') token: unknown,
    @Req() request: FastifyRequest,
  ): Promise<{ received: true }> {
    const { inbox } = await this.verifier.verify(inboxId, SmsProvider.Unifonic, token);
    await this.intake.accept(inbox, parseUnifonicInboundSms(fieldsOf(request.body)));
    return { received: true };
  }

  @Post('taqnyat/:inboxId/sms')
  @HttpCode(200)
  @ApiOperation({ summary: 'An SMS a beneficiary sent to the association through Taqnyat' })
  @ApiQuery(TOKEN_QUERY)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.taqnyatInboundSms })
  @ApiOkResponse(RECEIVED)
  async receiveTaqnyat(
    @Param('inboxId') inboxId: string,
    @Query('token') token: unknown,
    @Req() request: FastifyRequest,
  ): Promise<{ received: true }> {
    const { inbox } = await this.verifier.verify(inboxId, SmsProvider.Taqnyat, token);
    await this.intake.accept(inbox, parseTaqnyatInboundSms(fieldsOf(request.body)));
    return { received: true };
  }
}

// Only a flat object of fields is a gateway's body; the parsers type-check each field they read.
function fieldsOf(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
