import type { Socket } from 'socket.io';
import { WebChatGateway } from './webchat.gateway';
import { RateLimit, WebChatRateLimiter } from './webchat-rate-limiter.service';
import { WebChatSessionService } from './webchat-session.service';

describe('WebChatGateway handshake rate limit', () => {
  function gatewayCountingSubjects(subjects: string[]): WebChatGateway {
    const rateLimiter = {
      allows: (subject: string, _rule: RateLimit) => {
        subjects.push(subject);
        return Promise.resolve(true);
      },
    } as unknown as WebChatRateLimiter;
    const sessions = { open: () => Promise.resolve({}) } as unknown as WebChatSessionService;
    return new WebChatGateway(
      sessions,
      undefined as never,
      rateLimiter,
      undefined as never,
      undefined as never,
      undefined as never,
      undefined as never,
    );
  }

  function handshake(inboxId: unknown): Socket {
    return { handshake: { auth: { inboxId, profile: {} }, address: '203.0.113.7', headers: {} }, data: {} } as unknown as Socket;
  }

  it('should count an inbox id in any letter case in one bucket', async () => {
    const subjects: string[] = [];
    const gateway = gatewayCountingSubjects(subjects);
    const inboxId = '0b5c7a1e-3f2d-4c8b-9a6e-1d2c3b4a5f60';
    await gateway['authenticate'](handshake(inboxId));
    await gateway['authenticate'](handshake(inboxId.toUpperCase()));
    await gateway['authenticate'](
      handshake(` ${inboxId.replace(/[a-f]/g, (letter, index: number) => (index % 2 ? letter.toUpperCase() : letter))} `),
    );
    expect(new Set(subjects).size).toBe(1);
    expect(subjects[0]).toBe(`connect:${inboxId}:address:203.0.113.7`);
  });

  it('should put every id that is not a UUID in one bucket, so junk cannot mint keys', async () => {
    const subjects: string[] = [];
    const gateway = gatewayCountingSubjects(subjects);
    await gateway['authenticate'](handshake('x'.repeat(5_000)));
    await gateway['authenticate'](handshake({ nested: true }));
    expect(subjects).toEqual(['connect:invalid:address:203.0.113.7', 'connect:invalid:address:203.0.113.7']);
  });
});
