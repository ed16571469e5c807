import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AttachmentStore } from './attachment-store';
import { DiskAttachmentStore } from './disk-attachment.store';

export interface MoveFigures {
  // Files found on disk.
  found: number;
  // Copied to the object store by this run.
  copied: number;
  // Already in the object store with the same bytes (an earlier, interrupted run).
  alreadyThere: number;
  // Could not be copied or verified: left on disk, so a later run tries again.
  failed: number;
  removedFromDisk: number;
}

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf' };

async function digestOf(stream: Readable | undefined): Promise<string | undefined> {
  if (!stream) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Moves every file of the disk store into the object store, one at a time: copy, read the copy back and compare its
// SHA-256 with the file's, and only then remove the file from disk (unless keepOnDisk). Safe to stop and run again:
// a file whose identical copy is already there is not sent again, and a file whose copy differs (a write cut short)
// is sent again. Returns the figures; failed files stay on disk.
export async function moveAttachmentsToObjectStore(
  source: DiskAttachmentStore,
  target: AttachmentStore,
  options: { keepOnDisk: boolean; onFailure?: (key: string, reason: string) => void },
): Promise<MoveFigures> {
  const figures: MoveFigures = { found: 0, copied: 0, alreadyThere: 0, failed: 0, removedFromDisk: 0 };
  for await (const { key, sizeBytes } of source.list()) {
    figures.found += 1;
    try {
      const original = await digestOf((await source.read(key))?.stream);
      if (original === undefined) continue;
      const existing = (await target.size(key)) === sizeBytes ? await digestOf((await target.read(key))?.stream) : undefined;
      if (existing === original) {
        figures.alreadyThere += 1;
      } else {
        const file = await source.read(key);
        if (!file) continue;
        await target.write(key, file.stream, { maxBytes: sizeBytes, contentType: CONTENT_TYPES[key.split('.').pop() ?? ''] });
        const copy = await digestOf((await target.read(key))?.stream);
        if (copy !== original) throw new Error('the copy read back differs from the file');
        figures.copied += 1;
      }
      if (!options.keepOnDisk && (await source.remove(key))) figures.removedFromDisk += 1;
    } catch (error) {
      figures.failed += 1;
      options.onFailure?.(key, (error as Error).message);
    }
  }
  return figures;
}
