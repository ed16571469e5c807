import { ChannelKind, EMPTY_TWIML, parseTwilioInboundSms, parseTwilioStatusCallback, TwilioParameters } from '@app/channels';
import { DeliveryStatusService, InboundIntakeService } from '@app/conversations';
import { Public } from '@app/identity';
import { Controller, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { WEBHOOK_REQUEST_BODIES } from '../webhook-request-bodies.constant';
import { TwilioRequestVerifier } from './twilio-request.verifier';

// Twilio Programmable Messaging: inbound SMS and delivery status callbacks, form-encoded and signed.
@ApiTags('webhooks')
@ApiConsumes('application/x-www-form-urlencoded')
@Public()
@ApiHeader({ name: 'X-Twilio-Signature', description: 'base64 HMAC-SHA1 of the public URL and sorted form parameters' })
@Controller('webhooks/twilio/:inboxId')
export class TwilioSmsWebhookController {
  constructor(
    private readonly verifier: TwilioRequestVerifier,
    private readonly intake: InboundIntakeService,
    private readonly deliveryStatus: DeliveryStatusService,
  ) {}

  // MessageSid is the dedupe key: the same SMS posted again is stored once and applied once.
  @Post('sms')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioSms })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async receiveSms(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Sms]);
    // A malformed field is a TwilioPayloadError: a 400 naming it, before anything is stored.
    await this.intake.accept(inbox, parseTwilioInboundSms(request.body as TwilioParameters));
    // Replies go out through the REST API from the worker, so Twilio gets an empty TwiML answer at once.
    return EMPTY_TWIML;
  }

  @Post('status')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioMessageStatus })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async receiveStatus(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Sms, ChannelKind.Voice]);
    const update = parseTwilioStatusCallback(request.body as TwilioParameters);
    // Inbound-only statuses (received) carry nothing to apply; Twilio only needs the 200.
    if (update) await this.deliveryStatus.enqueue(inbox, update);
    return EMPTY_TWIML;
  }
}
