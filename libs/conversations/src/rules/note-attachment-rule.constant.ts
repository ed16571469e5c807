import { AttachmentRule } from '@app/channels';

// Private notes are never sent, so no channel limits their files: a scanned report or an ID card kept for colleagues.
export const NOTE_ATTACHMENT_RULE: AttachmentRule = {
  contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
  maxCount: 10,
  maxBytes: 10 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  note: 'Private notes: PNG, JPEG and PDF up to 10 MB each, never sent',
};
