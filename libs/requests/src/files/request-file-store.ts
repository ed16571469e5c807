import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  size: number;
}

// Documents beside web chat's uploads, under var/attachments/requests/<organisation>/<request>/. All file input and
// output of support requests goes through this one class, so another store (S3, a shared disk) replaces it alone.
// Several gateway instances need this directory on shared storage.
@Injectable()
export class RequestFileStore {
  private readonly root = resolve('var', 'attachments', 'requests');

  async put(organisationId: string, requestId: string, extension: string, content: Buffer): Promise<StoredFile> {
    const storageKey = `${organisationId}/${requestId}/${randomUUID()}.${extension}`;
    const path = this.pathOf(storageKey);
    await mkdir(join(this.root, organisationId, requestId), { recursive: true });
    await writeFile(path, content, { flag: 'wx' });
    return { storageKey, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
  }

  async get(storageKey: string): Promise<Buffer | undefined> {
    return readFile(this.pathOf(storageKey)).catch(() => undefined);
  }

  // Every file of a request (PDPL erasure of the beneficiary).
  async removeRequest(organisationId: string, requestId: string): Promise<void> {
    await rm(join(this.root, organisationId, requestId), { recursive: true, force: true });
  }

  private pathOf(storageKey: string): string {
    // Keys are made here (uuids and an extension); anything else is refused rather than resolved.
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(png|jpg|pdf)$/.test(storageKey)) throw new Error('Not a request document key');
    return join(this.root, storageKey);
  }
}
