import { AttachmentStore, readWholeObject } from '@app/storage';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  size: number;
}

// A request's document is a scan or a PDF of a few megabytes; the workflow refuses larger ones before they get here.
const MAX_STORED_BYTES = 10 * 1024 * 1024;

// Documents in the attachment store (disk or object storage, so any gateway serves them), under
// requests/<organisation>/<request>/<file>. All file input and output of support requests goes through this class.
@Injectable()
export class RequestFileStore {
  constructor(private readonly store: AttachmentStore) {}

  async put(organisationId: string, requestId: string, extension: string, content: Buffer): Promise<StoredFile> {
    const storageKey = `${organisationId}/${requestId}/${randomUUID()}.${extension}`;
    await this.store.write(this.keyOf(storageKey), Readable.from([content]), { maxBytes: MAX_STORED_BYTES });
    return { storageKey, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
  }

  // Read whole: documents are bounded, and the attestation hashes them.
  async get(storageKey: string): Promise<Buffer | undefined> {
    const stored = await this.store.read(this.keyOf(storageKey));
    return stored ? readWholeObject(stored) : undefined;
  }

  // Every file of a request (PDPL erasure of the beneficiary).
  async removeRequest(organisationId: string, requestId: string): Promise<void> {
    await this.store.removeFolder(`requests/${organisationId}/${requestId}`);
  }

  private keyOf(storageKey: string): string {
    // Keys are made here (uuids and an extension); anything else is refused rather than resolved.
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(png|jpg|pdf)$/.test(storageKey)) throw new Error('Not a request document key');
    return `requests/${storageKey}`;
  }
}
