import { TwilioParameters } from '../sms/providers/twilio/twilio-webhook.parser';

export interface TwilioCallEvent {
  callSid: string;
  from: string;
  to: string;
  status?: string;
  durationSeconds?: number;
}

function seconds(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : undefined;
}

export function parseTwilioCall(parameters: TwilioParameters): TwilioCallEvent | undefined {
  if (!parameters.CallSid) return undefined;
  return {
    callSid: parameters.CallSid,
    from: parameters.From ?? parameters.Caller ?? '',
    to: parameters.To ?? parameters.Called ?? '',
    status: parameters.CallStatus,
    durationSeconds: seconds(parameters.CallDuration),
  };
}

export interface TwilioDialOutcome {
  // completed/answered mean an officer talked to the caller; anything else is a missed call.
  answered: boolean;
  dialStatus: string;
  durationSeconds?: number;
}

export function parseTwilioDialOutcome(parameters: TwilioParameters): TwilioDialOutcome {
  const dialStatus = (parameters.DialCallStatus ?? 'no-answer').toLowerCase();
  return {
    answered: dialStatus === 'completed' || dialStatus === 'answered',
    dialStatus,
    durationSeconds: seconds(parameters.DialCallDuration),
  };
}

export interface TwilioRecording {
  recordingSid: string;
  recordingUrl: string;
  durationSeconds?: number;
}

export function parseTwilioRecording(parameters: TwilioParameters): TwilioRecording | undefined {
  if (!parameters.RecordingSid || !parameters.RecordingUrl) return undefined;
  return {
    recordingSid: parameters.RecordingSid,
    recordingUrl: parameters.RecordingUrl,
    durationSeconds: seconds(parameters.RecordingDuration),
  };
}

export interface TwilioTranscription {
  transcriptionSid: string;
  recordingSid?: string;
  text: string;
  completed: boolean;
}

export function parseTwilioTranscription(parameters: TwilioParameters): TwilioTranscription | undefined {
  if (!parameters.TranscriptionSid) return undefined;
  return {
    transcriptionSid: parameters.TranscriptionSid,
    recordingSid: parameters.RecordingSid,
    text: parameters.TranscriptionText ?? '',
    completed: (parameters.TranscriptionStatus ?? 'completed') === 'completed',
  };
}
