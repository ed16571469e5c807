import { GuardedHttpClient } from '@app/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelErrorCode } from '../../../channel-error';
import { DeliveryState } from '../../../delivery-status-update.types';
import reportUndeliverable from './__fixtures__/delivery-report-undeliverable.json';
import refusedShortNumber from './__fixtures__/send-refused-short-number.json';
import sendSuccess from './__fixtures__/send-success.json';
import { parseUnifonicDeliveryReport } from './unifonic-delivery-report.parser';
import { UnifonicSmsAdapter } from './unifonic-sms.adapter';

// The stand-in server listens on 127.0.0.1, which only a deployment allowing private networks may reach.
const http = new GuardedHttpClient({ allowPrivateNetworks: true });

describe(UnifonicSmsAdapter.name, () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: unknown };
  let received: { path: string; form: Record<string, string> } | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = { path: request.url ?? '', form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) };
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sut = () => new UnifonicSmsAdapter({ appSid: 'app-sid', senderId: 'Jameiati', apiBaseUrl: baseUrl, timeoutMs: 2_000 }, http);

  it('should send with the registered sender, digits-only recipient and our id as CorrelationID', async () => {
    answer = { status: 200, body: sendSuccess };
    const result = await sut().send({ messageId: 'm-1', to: '+966500000001', text: 'تم استلام طلبك' });
    expect(result.providerMessageId).toBe('42000348806924');
    expect(received).toEqual({
      path: '/rest/SMS/messages',
      form: {
        AppSid: 'app-sid',
        SenderID: 'Jameiati',
        Recipient: '966500000001',
        Body: 'تم استلام طلبك',
        responseType: 'JSON',
        CorrelationID: 'm-1',
      },
    });
  });

  it('should classify refusals and HTTP failures', async () => {
    answer = { status: 200, body: refusedShortNumber };
    await expect(sut().send({ messageId: 'm-2', to: '+9665', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.RecipientInvalid,
    });
    answer = { status: 200, body: { success: false, message: 'Invalid AppSid', errorCode: 'ER-01', data: {} } };
    await expect(sut().send({ messageId: 'm-3', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.AuthInvalid,
    });
    answer = { status: 503, body: { message: 'down' } };
    await expect(sut().send({ messageId: 'm-4', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.Temporary,
    });
    answer = { status: 429, body: {} };
    await expect(sut().send({ messageId: 'm-5', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.RateLimited,
    });
  });

  it('should treat an unreachable API as temporary', async () => {
    const adapter = new UnifonicSmsAdapter({ appSid: 'a', senderId: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:9', timeoutMs: 500 }, http);
    await expect(adapter.send({ messageId: 'm-6', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.Temporary,
    });
  });
});

describe(parseUnifonicDeliveryReport.name, () => {
  it('should map Undeliverable to undelivered and Delivered to delivered', () => {
    expect(parseUnifonicDeliveryReport(reportUndeliverable)).toEqual({
      providerMessageId: '42000348806924',
      state: DeliveryState.Undelivered,
      errorCode: 'UNDELIVERABLE',
      occurredAt: '2026-11-21 23:10:05',
    });
    expect(parseUnifonicDeliveryReport({ MessageID: 7, DLR: 'Delivered' })).toMatchObject({
      providerMessageId: '7',
      state: DeliveryState.Delivered,
    });
    expect(parseUnifonicDeliveryReport({ DLR: 'Delivered' })).toBeUndefined();
  });
});
