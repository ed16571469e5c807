import { Readable } from 'node:stream';

export interface StoredObject {
  stream: Readable;
  sizeBytes: number;
}

export interface StoreWriteOptions {
  // Past this many bytes the write fails with AttachmentTooLargeError and nothing is kept.
  maxBytes: number;
  contentType?: string;
}

export class AttachmentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'AttachmentTooLargeError';
  }
}

// Keys are relative paths of plain segments (`<inbox>/<visitor key>/<file id>`): no `..`, no leading slash, nothing a
// caller could use to leave the store's folder or bucket prefix.
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error('Attachment key is not a plain relative path');
  }
}

// Where attachments live: the local disk (`var/attachments`, the embedded default) or S3-compatible object storage
// (ATTACHMENT_STORE=s3), so that any gateway serves any file and a lost disk loses none. Stream-based both ways, with
// a size limit on every write: the channels that store voice notes and scanned documents never hold a whole file.
export abstract class AttachmentStore {
  abstract readonly kind: 'disk' | 's3';

  abstract write(key: string, content: Readable, options: StoreWriteOptions): Promise<{ sizeBytes: number }>;

  // undefined when there is no such file.
  abstract read(key: string): Promise<StoredObject | undefined>;

  abstract size(key: string): Promise<number | undefined>;

  // true when the file existed.
  abstract remove(key: string): Promise<boolean>;

  // Every file under a folder key (`<inbox>/<visitor key>`): an erased person's uploads, attached or not.
  abstract removeFolder(folder: string): Promise<void>;

  abstract list(): AsyncIterable<{ key: string; sizeBytes: number }>;
}
