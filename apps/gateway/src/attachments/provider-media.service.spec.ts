import { ChannelKind } from '@app/channels';
import type { WaslConfig } from '@app/config';
import type { InboxesService, InboxWithSecrets } from '@app/inboxes';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ProviderMediaService } from './provider-media.service';

// Two stand-ins for the provider's network end: the inbox's own API origin, and some other host a media URL names.
async function mediaServer(contentType: string): Promise<{ server: Server; url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': contentType }).end(Buffer.from('RIFF-audio'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe(ProviderMediaService.name, () => {
  const config = { channels: { allowPrivateNetworks: true } } as unknown as WaslConfig;
  let provider: Awaited<ReturnType<typeof mediaServer>>;
  let elsewhere: Awaited<ReturnType<typeof mediaServer>>;

  beforeAll(async () => {
    provider = await mediaServer('audio/x-wav');
    elsewhere = await mediaServer('text/html; charset=utf-8');
  });

  afterAll(async () => {
    await new Promise((resolve) => provider.server.close(resolve));
    await new Promise((resolve) => elsewhere.server.close(resolve));
  });

  function sutFor(found: Partial<InboxWithSecrets['inbox']>): ProviderMediaService {
    const inboxes = {
      findWithSecrets: async () =>
        ({
          inbox: { id: 'inbox-1', channel: ChannelKind.Voice, provider: 'twilio', settings: {}, ...found },
          secrets: { authToken: 'the-auth-token' },
        }) as unknown as InboxWithSecrets,
    } as unknown as InboxesService;
    return new ProviderMediaService(inboxes, config);
  }

  it('should send the inbox’s Twilio credentials to the inbox’s own API origin only', async () => {
    const sut = sutFor({ settings: { accountSid: 'AC123', apiBaseUrl: provider.url } });
    const media = await sut.fetch('inbox-1', `${provider.url}/2010-04-01/Accounts/AC123/Recordings/RE1`);
    expect(media).toEqual({ content: Buffer.from('RIFF-audio'), contentType: 'audio/x-wav' });
    expect(provider.seen.at(-1)?.authorization).toBe(`Basic ${Buffer.from('AC123:the-auth-token').toString('base64')}`);

    await sut.fetch('inbox-1', `${elsewhere.url}/media/1`);
    expect(elsewhere.seen.at(-1)?.authorization).toBeUndefined();
  });

  it('should hand back bytes of a type the page must not render as a download, and refuse other schemes', async () => {
    const sut = sutFor({ channel: ChannelKind.Sms, provider: 'unifonic', settings: {} });
    expect((await sut.fetch('inbox-1', `${elsewhere.url}/page`))?.contentType).toBe('application/octet-stream');
    expect(elsewhere.seen.at(-1)?.authorization).toBeUndefined();
    expect(await sut.fetch('inbox-1', '/webchat/files/x/y/z.png')).toBeUndefined();
    expect(await sut.fetch('inbox-1', 'file:///etc/passwd')).toBeUndefined();
  });
});
