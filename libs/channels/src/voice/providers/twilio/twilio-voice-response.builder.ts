// TwiML alone: twilio's index also loads its REST client (about 200 ms of every boot).
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import { WorkingHoursDto } from '../../../working-hours/working-hours.dto';
import { isWithinWorkingHours } from '../../../working-hours/working-hours.util';

export const DEFAULT_GREETING = 'مرحباً بكم، شكراً لاتصالكم. سيتم تحويل مكالمتكم إلى موظف علاقات المستفيدين.';
export const DEFAULT_VOICEMAIL_PROMPT = 'نعتذر، لم يتمكن أحد من الرد. يرجى ترك رسالتكم بعد الصافرة، وسنعاود الاتصال بكم.';
export const OUT_OF_HOURS_NOTICE = 'اتصالكم خارج أوقات العمل.';

// twilio-node's SayLanguage union lists ar-AE and ar-XA but not ar-SA, which Twilio accepts for Saudi Arabic.
const SAUDI_ARABIC = 'ar-SA' as NonNullable<Parameters<VoiceResponse['say']>[0]['language']>;
// Transcription only runs for recordings under 120 s (warning 13617).
const VOICEMAIL_MAX_SECONDS = 120;
const DEFAULT_DIAL_TIMEOUT_SECONDS = 20;

export interface VoiceGreetingOptions {
  greeting?: string;
  greetingAudioUrl?: string;
  voicemailPrompt?: string;
  forwardTo: string[];
  dialTimeoutSeconds?: number;
  workingHours?: WorkingHoursDto;
}

export interface VoiceCallbackUrls {
  dialAction: string;
  recordingAction: string;
  transcriptionCallback: string;
}

function say(response: VoiceResponse, text: string): void {
  response.say({ language: SAUDI_ARABIC }, text);
}

function appendVoicemail(response: VoiceResponse, prompt: string, urls: VoiceCallbackUrls): void {
  say(response, prompt);
  response.record({
    maxLength: VOICEMAIL_MAX_SECONDS,
    playBeep: true,
    action: urls.recordingAction,
    transcribe: true,
    transcribeCallback: urls.transcriptionCallback,
  });
  // Reached only when the recording is empty: Twilio then skips `action` and continues here.
  response.hangup();
}

// The answer to a new call: greeting, then the officers' phones, or straight to voicemail out of hours.
export function buildIncomingCallResponse(options: VoiceGreetingOptions, urls: VoiceCallbackUrls, at: Date): string {
  const response = new VoiceResponse();
  if (options.greetingAudioUrl) response.play(options.greetingAudioUrl);
  else say(response, options.greeting ?? DEFAULT_GREETING);
  const open = isWithinWorkingHours(options.workingHours, at);
  if (!open || options.forwardTo.length === 0) {
    appendVoicemail(response, `${open ? '' : `${OUT_OF_HOURS_NOTICE} `}${options.voicemailPrompt ?? DEFAULT_VOICEMAIL_PROMPT}`, urls);
    return response.toString();
  }
  const dial = response.dial({ action: urls.dialAction, timeout: options.dialTimeoutSeconds ?? DEFAULT_DIAL_TIMEOUT_SECONDS });
  for (const number of options.forwardTo) dial.number(number);
  return response.toString();
}

// The answer to <Dial action>: nobody picked up, so the caller may leave a voicemail.
export function buildVoicemailResponse(options: VoiceGreetingOptions, urls: VoiceCallbackUrls): string {
  const response = new VoiceResponse();
  appendVoicemail(response, options.voicemailPrompt ?? DEFAULT_VOICEMAIL_PROMPT, urls);
  return response.toString();
}

export function buildHangupResponse(): string {
  const response = new VoiceResponse();
  response.hangup();
  return response.toString();
}
