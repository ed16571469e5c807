import { EMPTY_TWIML } from '../../../sms/providers/twilio/twilio-empty-twiml.constant';
import { buildHangupResponse, buildIncomingCallResponse, buildVoicemailResponse } from './twilio-voice-response.builder';

const urls = { dialAction: '/dial', recordingAction: '/recording', transcriptionCallback: '/transcription' };

describe(buildIncomingCallResponse.name, () => {
  it('should greet in Saudi Arabic and dial every forwarding number with an action', () => {
    const xml = buildIncomingCallResponse(
      { greeting: 'أهلاً بكم', forwardTo: ['+966110000001', '+966110000002'], dialTimeoutSeconds: 15 },
      urls,
      new Date(),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="ar-SA">أهلاً بكم</Say>' +
        '<Dial action="/dial" timeout="15"><Number>+966110000001</Number><Number>+966110000002</Number></Dial></Response>',
    );
  });

  it('should go straight to voicemail out of hours', () => {
    const xml = buildIncomingCallResponse(
      { forwardTo: ['+966110000001'], workingHours: { days: [0], from: '08:00', to: '09:00' } },
      urls,
      new Date('2026-11-27T12:00:00Z'),
    );
    expect(xml).not.toContain('<Dial');
    expect(xml).toContain('خارج أوقات العمل');
    expect(xml).toContain(
      '<Record maxLength="120" playBeep="true" action="/recording" transcribe="true" transcribeCallback="/transcription"/>',
    );
  });

  it('should play a recorded greeting when one is configured', () => {
    const xml = buildIncomingCallResponse(
      { greetingAudioUrl: 'https://cdn.example.org/greeting.mp3', forwardTo: ['+966110000001'] },
      urls,
      new Date(),
    );
    expect(xml).toContain('<Play>https://cdn.example.org/greeting.mp3</Play>');
  });
});

describe('voicemail and hangup responses', () => {
  it('should record a voicemail with transcription, then hang up', () => {
    expect(buildVoicemailResponse({ forwardTo: [] }, urls)).toMatch(/<Say language="ar-SA">.+<\/Say><Record .+\/><Hangup\/><\/Response>$/);
    expect(buildHangupResponse()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    expect(EMPTY_TWIML).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
