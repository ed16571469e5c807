import { twilioFields } from '../../../sms/providers/twilio/twilio-fields.util';
import { TwilioParameters } from '../../../sms/providers/twilio/twilio-webhook.parser';
import { CallEvent, CallRecording, CallTranscription, DialOutcome } from '../../../channel-event.types';

// Twilio's CallStatus and DialCallStatus sets; anything else is refused rather than stored.
export const TWILIO_CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;
const TWILIO_DIAL_STATUSES = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] as const;
// A day: no call lasts longer, and durations go into an integer column.
const MAX_DURATION_SECONDS = 86_400;
const MAX_RECORDING_URL_LENGTH = 500;
const MAX_TRANSCRIPTION_LENGTH = 10_000;

export function parseTwilioCallSid(parameters: TwilioParameters): string | undefined {
  return twilioFields.sid(parameters, 'CallSid');
}

export function parseTwilioCall(parameters: TwilioParameters): CallEvent | undefined {
  const callSid = parseTwilioCallSid(parameters);
  if (!callSid) return undefined;
  return {
    providerCallId: callSid,
    from: twilioFields.address(parameters, 'From') ?? twilioFields.address(parameters, 'Caller') ?? '',
    to: twilioFields.address(parameters, 'To') ?? twilioFields.address(parameters, 'Called') ?? '',
    status: twilioFields.oneOf(parameters, 'CallStatus', TWILIO_CALL_STATUSES),
    durationSeconds: twilioFields.integer(parameters, 'CallDuration', MAX_DURATION_SECONDS),
  };
}

export function parseTwilioDialOutcome(parameters: TwilioParameters): DialOutcome {
  const dialStatus = twilioFields.oneOf(parameters, 'DialCallStatus', TWILIO_DIAL_STATUSES) ?? 'no-answer';
  return {
    answered: dialStatus === 'completed' || dialStatus === 'answered',
    dialStatus,
    durationSeconds: twilioFields.integer(parameters, 'DialCallDuration', MAX_DURATION_SECONDS),
  };
}

export function parseTwilioRecording(parameters: TwilioParameters): CallRecording | undefined {
  const recordingSid = twilioFields.sid(parameters, 'RecordingSid');
  const recordingUrl = twilioFields.url(parameters, 'RecordingUrl', MAX_RECORDING_URL_LENGTH);
  if (!recordingSid || !recordingUrl) return undefined;
  return {
    recordingId: recordingSid,
    recordingUrl,
    durationSeconds: twilioFields.integer(parameters, 'RecordingDuration', MAX_DURATION_SECONDS),
  };
}

export function parseTwilioTranscription(parameters: TwilioParameters): CallTranscription | undefined {
  const transcriptionSid = twilioFields.sid(parameters, 'TranscriptionSid');
  if (!transcriptionSid) return undefined;
  return {
    transcriptionId: transcriptionSid,
    recordingId: twilioFields.sid(parameters, 'RecordingSid'),
    text: twilioFields.text(parameters, 'TranscriptionText', MAX_TRANSCRIPTION_LENGTH),
    completed: (twilioFields.oneOf(parameters, 'TranscriptionStatus', ['completed', 'failed'] as const) ?? 'completed') === 'completed',
  };
}
