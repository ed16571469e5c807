import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, AttachmentStore, StoredObject, StoreWriteOptions } from './attachment-store';
import { ByteLimit } from './byte-limit.util';

// Files under one folder (ATTACHMENT_DIRECTORY, var/attachments by default). A write goes to a temporary file that
// is renamed into place once complete, so a reader never sees half a file and a refused one leaves nothing.
export class DiskAttachmentStore extends AttachmentStore {
  readonly kind = 'disk';

  constructor(readonly directory: string) {
    super();
  }

  async write(key: string, content: Readable, options: StoreWriteOptions): Promise<{ sizeBytes: number }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    const limit = new ByteLimit(options.maxBytes);
    try {
      await pipeline(content, limit, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { sizeBytes: limit.bytes };
  }

  async read(key: string): Promise<StoredObject | undefined> {
    const sizeBytes = await this.size(key);
    return sizeBytes === undefined ? undefined : { stream: createReadStream(this.pathOf(key)), sizeBytes };
  }

  async size(key: string): Promise<number | undefined> {
    const info = await stat(this.pathOf(key)).catch(() => undefined);
    return info?.isFile() ? info.size : undefined;
  }

  async remove(key: string): Promise<boolean> {
    return rm(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async removeFolder(folder: string): Promise<void> {
    await rm(this.pathOf(folder), { recursive: true, force: true });
  }

  async *list(): AsyncIterable<{ key: string; sizeBytes: number }> {
    const entries = await readdir(this.directory, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.endsWith('.partial')) continue;
      const path = join(entry.parentPath, entry.name);
      const info = await stat(path).catch(() => undefined);
      if (info) yield { key: relative(this.directory, path).split(sep).join('/'), sizeBytes: info.size };
    }
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.directory, ...key.split('/'));
  }
}
