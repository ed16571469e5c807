import { checkReplyFileLink, replyFileKey, replyFileOf, replyFilePath, signedReplyFilePath } from './reply-attachment-link.util';

describe('reply attachment links', () => {
  const file = {
    inboxId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    conversationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    fileId: '16fd2706-8baf-433b-82eb-8c7fada847da.pdf',
  };

  it('should name a stored file by a bare path and find it again, and nothing a crafted path points elsewhere', () => {
    expect(replyFilePath(file)).toBe(`/files/${file.inboxId}/${file.conversationId}/${file.fileId}`);
    expect(replyFileOf(replyFilePath(file))).toEqual(file);
    expect(replyFileKey(file)).toBe(`${file.inboxId}/${file.conversationId}/${file.fileId}`);
    expect(replyFileOf(`/files/${file.inboxId}/${file.conversationId}/../../package.json`)).toBeUndefined();
    expect(replyFileOf(`/files/${file.inboxId}/${file.conversationId}/${file.fileId}?expires=1&signature=x`)).toBeUndefined();
    expect(replyFileOf(`/webchat/files/${file.inboxId}/${'a'.repeat(40)}/${file.fileId}`)).toBeUndefined();
  });

  it('should accept its own signature until it expires, and no other inbox’s, file’s or expiry’s', () => {
    const expiresAt = new Date('2026-12-02T12:00:00Z');
    const query = new URLSearchParams(signedReplyFilePath('inbox-secret', file, expiresAt).split('?')[1]);
    const [expires, signature] = [query.get('expires'), query.get('signature')];
    const before = expiresAt.getTime() - 1;
    expect(checkReplyFileLink('inbox-secret', file, expires, signature, before)).toBe('valid');
    expect(checkReplyFileLink('inbox-secret', file, expires, signature, expiresAt.getTime())).toBe('expired');
    expect(checkReplyFileLink('another-inbox-secret', file, expires, signature, before)).toBe('invalid');
    expect(
      checkReplyFileLink('inbox-secret', { ...file, fileId: '16fd2706-8baf-433b-82eb-8c7fada847db.pdf' }, expires, signature, before),
    ).toBe('invalid');
    expect(checkReplyFileLink('inbox-secret', file, String(Number(expires) + 60_000), signature, before)).toBe('invalid');
    expect(checkReplyFileLink('inbox-secret', file, expires, undefined, before)).toBe('invalid');
  });
});
