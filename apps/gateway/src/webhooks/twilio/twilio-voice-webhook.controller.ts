import {
  buildHangupResponse,
  buildIncomingCallResponse,
  buildVoicemailResponse,
  ChannelKind,
  EMPTY_TWIML,
  parseTwilioCall,
  parseTwilioCallSid,
  parseTwilioDialOutcome,
  parseTwilioRecording,
  parseTwilioTranscription,
  TwilioParameters,
  VoiceCallbackUrls,
  VoiceGreetingOptions,
} from '@app/channels';
import { ApiException } from '@app/common';
import { CallsService } from '@app/conversations';
import { WaslConfig } from '@app/config';
import { Public } from '@app/identity';
import { Inbox } from '@app/inboxes';
import { Controller, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { WEBHOOK_REQUEST_BODIES } from '../webhook-request-bodies.constant';
import { TwilioRequestVerifier } from './twilio-request.verifier';

// Twilio Programmable Voice: the call, the <Dial> outcome, the voicemail recording and its transcription.
// Every answer is TwiML; every request is signed like SMS webhooks.
@ApiTags('webhooks')
@ApiConsumes('application/x-www-form-urlencoded')
@Public()
@ApiHeader({ name: 'X-Twilio-Signature', description: 'base64 HMAC-SHA1 of the public URL and sorted form parameters' })
@Controller('webhooks/twilio/:inboxId/voice')
export class TwilioVoiceWebhookController {
  constructor(
    private readonly verifier: TwilioRequestVerifier,
    private readonly calls: CallsService,
    private readonly config: WaslConfig,
  ) {}

  @Post()
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioIncomingCall })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async incomingCall(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Voice]);
    const event = parseTwilioCall(request.body as TwilioParameters);
    if (!event) throw ApiException.validation([{ field: 'CallSid', message: 'is required' }]);
    if (!event.from) throw ApiException.validation([{ field: 'From', message: 'is required' }]);
    await this.calls.recordIncomingCall(inbox, event);
    return buildIncomingCallResponse(greetingOptions(inbox), this.callbackUrls(inbox), new Date());
  }

  // <Dial action>: completed means an officer talked to the caller; anything else offers voicemail.
  @Post('dial-status')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioDialStatus })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async dialFinished(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Voice]);
    const parameters = request.body as TwilioParameters;
    const outcome = parseTwilioDialOutcome(parameters);
    const callSid = parseTwilioCallSid(parameters);
    if (callSid) await this.calls.recordDialOutcome(inbox, callSid, outcome);
    return outcome.answered ? buildHangupResponse() : buildVoicemailResponse(greetingOptions(inbox), this.callbackUrls(inbox));
  }

  // <Record action>: the voicemail becomes an inbound message on the caller's conversation.
  @Post('recording')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioRecording })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async voicemailRecorded(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Voice]);
    const parameters = request.body as TwilioParameters;
    const recording = parseTwilioRecording(parameters);
    const callSid = parseTwilioCallSid(parameters);
    if (recording && callSid) await this.calls.recordVoicemail(inbox, callSid, recording);
    return buildHangupResponse();
  }

  @Post('transcription')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioTranscription })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async transcriptionReady(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Voice]);
    const transcription = parseTwilioTranscription(request.body as TwilioParameters);
    if (transcription) await this.calls.recordTranscription(inbox, transcription);
    return EMPTY_TWIML;
  }

  // The number's call status callback: final status and duration.
  @Post('status')
  @ApiBody({ schema: WEBHOOK_REQUEST_BODIES.twilioCallStatus })
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async callStatus(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest): Promise<string> {
    const { inbox } = await this.verifier.verify(inboxId, request, [ChannelKind.Voice]);
    const event = parseTwilioCall(request.body as TwilioParameters);
    if (event) await this.calls.recordCallStatus(inbox, event);
    return EMPTY_TWIML;
  }

  private callbackUrls(inbox: Inbox): VoiceCallbackUrls {
    const base = `${this.config.http.publicUrl}/webhooks/twilio/${inbox.id}/voice`;
    return { dialAction: `${base}/dial-status`, recordingAction: `${base}/recording`, transcriptionCallback: `${base}/transcription` };
  }
}

function greetingOptions(inbox: Inbox): VoiceGreetingOptions {
  return inbox.settings as unknown as VoiceGreetingOptions;
}
