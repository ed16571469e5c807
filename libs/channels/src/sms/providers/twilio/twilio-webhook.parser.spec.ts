import {
  parseTwilioCall,
  parseTwilioDialOutcome,
  parseTwilioRecording,
  parseTwilioTranscription,
} from '../../../voice/providers/twilio/twilio-call.parser';
import { TwilioPayloadError } from './twilio-fields.util';
import { parseTwilioInboundSms, parseTwilioStatusCallback } from './twilio-webhook.parser';

const SID = 'SM0123456789abcdef0123456789abcdef';
const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

describe('Twilio webhook fields, typed and length-checked', () => {
  it('should refuse a MessageSid with NUL or other non-sid characters', () => {
    expect(() => parseTwilioInboundSms({ MessageSid: 'SM\u0000abc', From: '+966500000001', Body: 'x' })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioInboundSms({ MessageSid: `SM${'a'.repeat(300)}`, From: '+966500000001', Body: 'x' })).toThrow(
      TwilioPayloadError,
    );
  });

  it('should normalise the body and refuse one longer than Twilio allows', () => {
    const parsed = parseTwilioInboundSms({ MessageSid: SID, From: '+966500000001', Body: ' مرحبا\u0000\u202E بكم\uD800 ' });
    expect(parsed.text).toBe('مرحبا بكم\uFFFD');
    expect(() => parseTwilioInboundSms({ MessageSid: SID, From: '+966500000001', Body: 'x'.repeat(1_601) })).toThrow(TwilioPayloadError);
  });

  it('should refuse a blank message without media', () => {
    expect(() => parseTwilioInboundSms({ MessageSid: SID, From: '+966500000001', Body: ' \u0000 ' })).toThrow(TwilioPayloadError);
  });

  it('should refuse media that is not an http(s) URL and a NumMedia that is not a small number', () => {
    const base = { MessageSid: SID, From: '+966500000001', Body: 'x', NumMedia: '1' };
    expect(() => parseTwilioInboundSms({ ...base, MediaUrl0: 'javascript:alert(1)' })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioInboundSms({ ...base, MediaUrl0: 'file:///etc/passwd' })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioInboundSms({ ...base, NumMedia: '1e9' })).toThrow(TwilioPayloadError);
  });

  it('should accept call statuses from Twilio’s set only', () => {
    expect(parseTwilioCall({ CallSid: CALL_SID, From: '+966500000001', CallStatus: 'in-progress' })?.status).toBe('in-progress');
    expect(() => parseTwilioCall({ CallSid: CALL_SID, From: '+966500000001', CallStatus: 'x'.repeat(40) })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioDialOutcome({ DialCallStatus: 'hacked' })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioCall({ CallSid: CALL_SID, CallDuration: '-1' })).toThrow(TwilioPayloadError);
  });

  it('should refuse recording URLs and transcriptions that are not what Twilio sends', () => {
    expect(() => parseTwilioRecording({ RecordingSid: 'RE1', RecordingUrl: 'javascript:alert(1)' })).toThrow(TwilioPayloadError);
    expect(() => parseTwilioTranscription({ TranscriptionSid: 'TR1', TranscriptionStatus: 'nonsense' })).toThrow(TwilioPayloadError);
  });

  it('should ignore a status callback error code that is not a number', () => {
    expect(parseTwilioStatusCallback({ MessageSid: SID, MessageStatus: 'failed', ErrorCode: 'x'.repeat(50) })?.errorCode).toBeUndefined();
  });
});
