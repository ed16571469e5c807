import { twilioFields } from '../sms/providers/twilio/twilio-fields.util';
import { TwilioParameters } from '../sms/providers/twilio/twilio-webhook.parser';

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

export interface TwilioCallEvent {
  callSid: string;
  from: string;
  to: string;
  status?: string;
  durationSeconds?: number;
}

export function parseTwilioCallSid(parameters: TwilioParameters): string | undefined {
  return twilioFields.sid(parameters, 'CallSid');
}

export function parseTwilioCall(parameters: TwilioParameters): TwilioCallEvent | undefined {
  const callSid = parseTwilioCallSid(parameters);
  if (!callSid) return undefined;
  return {
    callSid,
    from: twilioFields.address(parameters, 'From') ?? twilioFields.address(parameters, 'Caller') ?? '',
    to: twilioFields.address(parameters, 'To') ?? twilioFields.address(parameters, 'Called') ?? '',
    status: twilioFields.oneOf(parameters, 'CallStatus', TWILIO_CALL_STATUSES),
    durationSeconds: twilioFields.integer(parameters, 'CallDuration', MAX_DURATION_SECONDS),
  };
}

export interface TwilioDialOutcome {
  // completed/answered mean an officer talked to the caller; anything else is a missed call.
  answered: boolean;
  dialStatus: string;
  durationSeconds?: number;
}

export function parseTwilioDialOutcome(parameters: TwilioParameters): TwilioDialOutcome {
  const dialStatus = twilioFields.oneOf(parameters, 'DialCallStatus', TWILIO_DIAL_STATUSES) ?? 'no-answer';
  return {
    answered: dialStatus === 'completed' || dialStatus === 'answered',
    dialStatus,
    durationSeconds: twilioFields.integer(parameters, 'DialCallDuration', MAX_DURATION_SECONDS),
  };
}

export interface TwilioRecording {
  recordingSid: string;
  recordingUrl: string;
  durationSeconds?: number;
}

export function parseTwilioRecording(parameters: TwilioParameters): TwilioRecording | undefined {
  const recordingSid = twilioFields.sid(parameters, 'RecordingSid');
  const recordingUrl = twilioFields.url(parameters, 'RecordingUrl', MAX_RECORDING_URL_LENGTH);
  if (!recordingSid || !recordingUrl) return undefined;
  return { recordingSid, recordingUrl, durationSeconds: twilioFields.integer(parameters, 'RecordingDuration', MAX_DURATION_SECONDS) };
}

export interface TwilioTranscription {
  transcriptionSid: string;
  recordingSid?: string;
  text: string;
  completed: boolean;
}

export function parseTwilioTranscription(parameters: TwilioParameters): TwilioTranscription | undefined {
  const transcriptionSid = twilioFields.sid(parameters, 'TranscriptionSid');
  if (!transcriptionSid) return undefined;
  return {
    transcriptionSid,
    recordingSid: twilioFields.sid(parameters, 'RecordingSid'),
    text: twilioFields.text(parameters, 'TranscriptionText', MAX_TRANSCRIPTION_LENGTH),
    completed: (twilioFields.oneOf(parameters, 'TranscriptionStatus', ['completed', 'failed'] as const) ?? 'completed') === 'completed',
  };
}
