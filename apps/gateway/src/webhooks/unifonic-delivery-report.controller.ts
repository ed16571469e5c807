import { ChannelKind, parseUnifonicDeliveryReport, SmsProvider } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { DeliveryStatusService } from '@app/conversations';
import { Public } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Controller, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { WEBHOOK_REQUEST_BODIES } from './webhook-request-bodies.constant';

// Unifonic posts delivery reports to one URL set in its console and documents no signature, so the URL
// carries the inbox's secret: {PUBLIC_URL}/webhooks/unifonic/<inboxId>/delivery-reports?token=<inbox secret>.
@ApiTags('webhooks')
@Public()
@Controller('webhooks/unifonic/:inboxId')
export class UnifonicDeliveryReportController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly deliveryStatus: DeliveryStatusService,
  ) {}

  @Post('delivery-reports')
  @HttpCode(200)
  @ApiQuery({ name: 'token', description: 'The inbox secret returned when the inbox was created' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.unifonicDeliveryReport })
  async receive(
    @Param('inboxId') inboxId: string,
    @Query('token') token: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<{ received: true }> {
    const found = await this.inboxes.findWithSecrets(inboxId);
    if (!found || !found.inbox.active || found.inbox.channel !== ChannelKind.Sms || found.inbox.provider !== SmsProvider.Unifonic)
      throw ApiException.notFound('Inbox');
    if (!sameSecret(token, found.secrets.signingSecret)) {
      throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong token', undefined, HttpStatus.FORBIDDEN);
    }
    const update = parseUnifonicDeliveryReport((request.body ?? {}) as Record<string, unknown>);
    if (update) await this.deliveryStatus.enqueue(found.inbox, update);
    return { received: true };
  }
}

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
