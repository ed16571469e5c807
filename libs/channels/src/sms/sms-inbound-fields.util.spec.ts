import taqnyatInbound from './providers/taqnyat/__fixtures__/inbound-sms-arabic.json';
import { parseTaqnyatInboundSms } from './providers/taqnyat/taqnyat-inbound-sms.parser';
import unifonicInbound from './providers/unifonic/__fixtures__/inbound-sms-arabic.json';
import { parseUnifonicInboundSms } from './providers/unifonic/unifonic-inbound-sms.parser';
import { SmsPayloadError } from './sms-payload.exception';

const fieldOf = (parse: () => unknown): string | undefined => {
  try {
    parse();
  } catch (error) {
    if (error instanceof SmsPayloadError) return error.field;
    throw error;
  }
  return undefined;
};

describe('Unifonic and Taqnyat inbound SMS, typed and length-checked', () => {
  it('should read an Arabic Unifonic SMS with the sender in E.164 as an asserted identity', () => {
    expect(parseUnifonicInboundSms(unifonicInbound)).toEqual({
      providerMessageId: '42000348806925',
      sender: { phone: '+966500000001', externalId: '+966500000001' },
      text: 'مرحبا، عندي مشكلة في الطلب',
      attachments: [],
      sentAt: '2026-11-26 10:00:00',
    });
  });

  it('should read an Arabic Taqnyat SMS whose message id is a JSON number', () => {
    expect(parseTaqnyatInboundSms(taqnyatInbound)).toMatchObject({
      providerMessageId: '5452899971',
      sender: { phone: '+966500000001', externalId: '+966500000001' },
      text: 'مرحبا، عندي مشكلة في الطلب',
      sentAt: '2026-11-26T10:00:00Z',
    });
  });

  it('should accept the sender with + or 00 and refuse a local, alphanumeric or overlong number', () => {
    expect(parseUnifonicInboundSms({ ...unifonicInbound, From: '+966500000001' }).sender.phone).toBe('+966500000001');
    expect(parseUnifonicInboundSms({ ...unifonicInbound, From: '00966500000001' }).sender.phone).toBe('+966500000001');
    for (const From of ['0500000001', 'Jameiati', '9665000000019999', '', undefined]) {
      expect(fieldOf(() => parseUnifonicInboundSms({ ...unifonicInbound, From }))).toBe('From');
    }
  });

  it('should refuse a missing, spaced, overlong or nested message id', () => {
    for (const messageId of [undefined, 'has space', 'x'.repeat(101), { id: 1 }, -1, 1.5, ['1', '2']]) {
      expect(fieldOf(() => parseTaqnyatInboundSms({ ...taqnyatInbound, messageId }))).toBe('messageId');
    }
  });

  it('should normalise the text and refuse a blank or overlong one', () => {
    expect(parseTaqnyatInboundSms({ ...taqnyatInbound, body: ' مرحبا\u0000\u202E بكم ' }).text).toBe('مرحبا بكم');
    expect(fieldOf(() => parseTaqnyatInboundSms({ ...taqnyatInbound, body: ' \u0000 ' }))).toBe('body');
    expect(fieldOf(() => parseUnifonicInboundSms({ ...unifonicInbound, Body: 'ع'.repeat(1_601) }))).toBe('Body');
    expect(fieldOf(() => parseUnifonicInboundSms({ ...unifonicInbound, To: '9'.repeat(65) }))).toBe('To');
  });

  it('should drop a gateway time it cannot read instead of refusing the message', () => {
    expect(parseUnifonicInboundSms({ ...unifonicInbound, TimeCreated: 'yesterday' }).sentAt).toBeUndefined();
    expect(parseTaqnyatInboundSms({ ...taqnyatInbound, receivedAt: { at: 1 } }).sentAt).toBeUndefined();
  });
});
