import { twilioMediaHeaders } from '../../../sms/providers/twilio/twilio-media.util';
import { ApiException } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { ChannelDefinition, WebhookOpenApi, WebhookRoute, WebhookTools } from '../../../channel-definition';
import { ChannelEvent } from '../../../channel-event.types';
import { ChannelKind } from '../../../channel-kind.enum';
import { EMPTY_TWIML } from '../../../sms/providers/twilio/twilio-empty-twiml.constant';
import {
  TWILIO_SIGNATURE_DOCUMENTATION,
  TWIML_CONTENT_TYPE,
  twilioFormParameters,
  verifyTwilioRequest,
} from '../../../sms/providers/twilio/twilio-request.verifier';
import { TwilioSmsAdapter, twilioCredentialsFrom } from '../../../sms/providers/twilio/twilio-sms.adapter';
import { TWILIO_STATUS_PATH, TWILIO_WEBHOOK_PREFIX, twilioStatusEvents } from '../../../sms/providers/twilio/twilio-sms.definition';
import { TWILIO_WEBHOOK_BODIES } from '../../../sms/providers/twilio/twilio-webhook-bodies.constant';
import { SMS_SEND_RULES } from '../../../sms/sms-send-rules.constant';
import { smsAdapterContextOf, SmsOutboundAdapter } from '../../../sms/sms-outbound.adapter';
import { FORM_CONTENT_TYPE } from '../../../webhooks/webhook-schema.util';
import {
  parseTwilioCall,
  parseTwilioCallSid,
  parseTwilioDialOutcome,
  parseTwilioRecording,
  parseTwilioTranscription,
} from './twilio-call.parser';
import {
  buildHangupResponse,
  buildIncomingCallResponse,
  buildVoicemailResponse,
  VoiceCallbackUrls,
  VoiceGreetingOptions,
} from './twilio-voice-response.builder';
import { TwilioVoiceSettingsDto, VOICE_DEFAULT_API_BASE_URL, VOICE_SECRET_FIELDS } from './twilio-voice-settings.dto';
import { TWILIO_VOICE_SETTINGS_FORM } from './twilio-voice-settings-form.constant';

function twiml(body: string) {
  return { status: 200, contentType: TWIML_CONTENT_TYPE, body };
}

function documented(body: keyof typeof TWILIO_WEBHOOK_BODIES): WebhookOpenApi {
  return {
    contentTypes: [FORM_CONTENT_TYPE],
    body: TWILIO_WEBHOOK_BODIES[body],
    headers: TWILIO_SIGNATURE_DOCUMENTATION,
    response: { status: 200, contentType: TWIML_CONTENT_TYPE, description: 'TwiML' },
  };
}

function callbackUrls(tools: WebhookTools): VoiceCallbackUrls {
  return {
    dialAction: tools.webhookUrl('voice/dial-status'),
    recordingAction: tools.webhookUrl('voice/recording'),
    transcriptionCallback: tools.webhookUrl('voice/transcription'),
  };
}

function voiceRoute(
  path: string,
  summary: string,
  body: keyof typeof TWILIO_WEBHOOK_BODIES,
  handle: WebhookRoute['handle'],
  pastedAs?: string,
): WebhookRoute {
  return { method: 'POST', path, summary, pastedAs, openApi: documented(body), verify: verifyTwilioRequest, handle };
}

// Twilio Programmable Voice: an Arabic greeting, the officers' phones, voicemail when nobody answers or out of
// hours. Every answer is TwiML; every request is signed like SMS webhooks. The call, the voicemail and its
// transcription become inbound messages through the intake; officers' written replies go out as SMS from the
// voice number.
export const TWILIO_VOICE_CHANNEL: ChannelDefinition<TwilioVoiceSettingsDto> = {
  kind: ChannelKind.Voice,
  provider: 'twilio',
  title: 'Twilio Voice',
  settings: TwilioVoiceSettingsDto,
  form: TWILIO_VOICE_SETTINGS_FORM,
  secretFields: VOICE_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: VOICE_DEFAULT_API_BASE_URL,
  // The telephone network presented the caller's number.
  asserts: ['phone'],
  webhooks: {
    prefix: TWILIO_WEBHOOK_PREFIX,
    routes: [
      voiceRoute(
        'voice',
        "Twilio incoming call (the number's voice URL)",
        'twilioIncomingCall',
        (request, inbox, tools) => {
          const call = parseTwilioCall(twilioFormParameters(request.body));
          if (!call) throw ApiException.validation([{ field: 'CallSid', message: 'is required' }]);
          if (!call.from) throw ApiException.validation([{ field: 'From', message: 'is required' }]);
          const greeting = inbox.settings as unknown as VoiceGreetingOptions;
          return {
            events: [{ type: 'call-started', call }],
            reply: twiml(buildIncomingCallResponse(greeting, callbackUrls(tools), tools.now)),
          };
        },
        'twilioVoice',
      ),
      // <Dial action>: completed means an officer talked to the caller; anything else offers voicemail.
      voiceRoute(
        'voice/dial-status',
        'Twilio <Dial action>: the outcome of ringing the officers',
        'twilioDialStatus',
        (request, inbox, tools) => {
          const parameters = twilioFormParameters(request.body);
          const outcome = parseTwilioDialOutcome(parameters);
          const providerCallId = parseTwilioCallSid(parameters);
          const events: ChannelEvent[] = providerCallId ? [{ type: 'call-dialled', providerCallId, outcome }] : [];
          const greeting = inbox.settings as unknown as VoiceGreetingOptions;
          return { events, reply: twiml(outcome.answered ? buildHangupResponse() : buildVoicemailResponse(greeting, callbackUrls(tools))) };
        },
      ),
      // <Record action>: the voicemail becomes an inbound message on the caller's conversation.
      voiceRoute('voice/recording', 'Twilio <Record action>: the voicemail', 'twilioRecording', (request) => {
        const parameters = twilioFormParameters(request.body);
        const recording = parseTwilioRecording(parameters);
        const providerCallId = parseTwilioCallSid(parameters);
        const events: ChannelEvent[] = recording && providerCallId ? [{ type: 'voicemail', providerCallId, recording }] : [];
        return { events, reply: twiml(buildHangupResponse()) };
      }),
      voiceRoute('voice/transcription', "Twilio's transcribeCallback for a voicemail", 'twilioTranscription', (request) => {
        const transcription = parseTwilioTranscription(twilioFormParameters(request.body));
        return { events: transcription ? [{ type: 'transcription', transcription }] : [], reply: twiml(EMPTY_TWIML) };
      }),
      // The number's call status callback: final status and duration.
      voiceRoute(
        'voice/status',
        'Twilio call status callback: final status and duration',
        'twilioCallStatus',
        (request) => {
          const call = parseTwilioCall(twilioFormParameters(request.body));
          return { events: call ? [{ type: 'call-status', call }] : [], reply: twiml(EMPTY_TWIML) };
        },
        'twilioVoiceStatus',
      ),
      // Delivery reports of the SMS replies sent from the voice number.
      voiceRoute(
        TWILIO_STATUS_PATH,
        'A Twilio message status callback for SMS replies from the voice number',
        'twilioMessageStatus',
        (request) => ({
          events: twilioStatusEvents(request.body),
          reply: twiml(EMPTY_TWIML),
        }),
      ),
    ],
  },
  // An officer's written reply on a call conversation goes to the caller as an SMS from the voice number.
  outbound: (context) => {
    if (typeof context.inbox.settings.phoneNumber !== 'string') {
      throw new ChannelError(ChannelErrorCode.AuthInvalid, 'The voice inbox has no phoneNumber to send SMS replies from');
    }
    return new SmsOutboundAdapter(
      new TwilioSmsAdapter(twilioCredentialsFrom(smsAdapterContextOf(context)), context.http),
      context.reportDelivery ? context.webhookUrl(TWILIO_STATUS_PATH) : undefined,
    );
  },
  sendRules: SMS_SEND_RULES,
  // Officers' written replies go out as SMS from the voice number; files are not sent that way.
  attachments: null,
  mediaHeaders: twilioMediaHeaders,
  receiverDeduplicates: false,
  outreach: null,
};
