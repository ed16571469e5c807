import { createHmac, timingSafeEqual } from 'node:crypto';

// A file an officer attached to a reply: kept in the attachment store under `<inbox>/<conversation>/<file id>`, and
// named on the message by the bare path `/files/<inbox>/<conversation>/<file id>`, which opens nothing by itself.
// Whoever must fetch it (a web-chat visitor, Twilio, the association's app) gets that path with an expiry and an
// HMAC signed with the inbox's own secret, minted at each send or history read.
export interface ReplyFile {
  inboxId: string;
  conversationId: string;
  fileId: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FILE_ID = new RegExp(`^${UUID}\\.(png|jpg|pdf)$`);
const STORED_PATH = new RegExp(`^/files/(${UUID})/(${UUID})/(${UUID}\\.(?:png|jpg|pdf))$`);
const EXPIRES = /^\d{13}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

export const REPLY_FILE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'application/pdf': 'pdf' };

export function isReplyFile(file: ReplyFile): boolean {
  return new RegExp(`^${UUID}$`).test(file.inboxId) && new RegExp(`^${UUID}$`).test(file.conversationId) && FILE_ID.test(file.fileId);
}

export function replyFilePath(file: ReplyFile): string {
  return `/files/${file.inboxId}/${file.conversationId}/${file.fileId}`;
}

export function replyFileKey(file: ReplyFile): string {
  return `${file.inboxId}/${file.conversationId}/${file.fileId}`;
}

// The reply file a stored path names, or undefined for anything else (a web-chat upload, a provider's media URL).
export function replyFileOf(path: unknown): ReplyFile | undefined {
  const match = typeof path === 'string' ? STORED_PATH.exec(path) : null;
  return match ? { inboxId: match[1], conversationId: match[2], fileId: match[3] } : undefined;
}

// `reply-file:` keeps these apart from web chat's `file-link:` signatures made with the same inbox secret.
function signature(signingSecret: string, file: ReplyFile, expires: number): string {
  return createHmac('sha256', signingSecret)
    .update(`reply-file:${replyFileKey(file)}:${expires}`)
    .digest('hex');
}

export function signedReplyFilePath(signingSecret: string, file: ReplyFile, expiresAt: Date): string {
  const expires = expiresAt.getTime();
  return `${replyFilePath(file)}?expires=${expires}&signature=${signature(signingSecret, file, expires)}`;
}

export type ReplyFileLinkCheck = 'valid' | 'expired' | 'invalid';

export function checkReplyFileLink(
  signingSecret: string,
  file: ReplyFile,
  expires: unknown,
  given: unknown,
  now = Date.now(),
): ReplyFileLinkCheck {
  if (!isReplyFile(file) || typeof expires !== 'string' || !EXPIRES.test(expires)) return 'invalid';
  if (typeof given !== 'string' || !SIGNATURE.test(given)) return 'invalid';
  const expected = Buffer.from(signature(signingSecret, file, Number(expires)));
  if (!timingSafeEqual(expected, Buffer.from(given))) return 'invalid';
  return Number(expires) <= now ? 'expired' : 'valid';
}
