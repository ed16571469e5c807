import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalS3Server } from '../../../test/support/s3-server';
import { DiskAttachmentStore } from './disk-attachment.store';
import { moveAttachmentsToObjectStore } from './move-attachments.util';
import { S3AttachmentStore } from './s3-attachment.store';

async function contentOf(store: S3AttachmentStore, key: string): Promise<Buffer | undefined> {
  const read = await store.read(key);
  if (!read) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of read.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe(moveAttachmentsToObjectStore.name, () => {
  let server: LocalS3Server;
  let target: S3AttachmentStore;
  const directory = mkdtempSync(join(tmpdir(), 'wasl-move-'));
  const source = new DiskAttachmentStore(directory);
  const folder = `${randomUUID()}/${'d'.repeat(40)}`;
  const files = Array.from({ length: 4 }, (_, index) => ({
    key: `${folder}/${randomUUID()}.${index % 2 ? 'pdf' : 'png'}`,
    content: randomBytes(3000 + index),
  }));

  beforeAll(async () => {
    server = await new LocalS3Server().start();
    target = new S3AttachmentStore(server.settings());
    mkdirSync(join(directory, ...folder.split('/')), { recursive: true });
    for (const file of files) writeFileSync(join(directory, ...file.key.split('/')), file.content);
  });

  afterAll(async () => {
    target.onModuleDestroy();
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should copy, verify and remove each file, finish what an interrupted run left, and do nothing the second time', async () => {
    // An earlier run copied the first file and was stopped before removing it; another copy was cut short.
    await target.write(files[0].key, Readable.from([files[0].content]), { maxBytes: 1 << 20 });
    await target.write(files[1].key, Readable.from([files[1].content.subarray(0, 100)]), { maxBytes: 1 << 20 });

    const first = await moveAttachmentsToObjectStore(source, target, { keepOnDisk: false });
    expect(first).toEqual({ found: 4, copied: 3, alreadyThere: 1, failed: 0, removedFromDisk: 4 });
    for (const file of files) expect((await contentOf(target, file.key))?.equals(file.content)).toBe(true);
    expect(readdirSync(join(directory, ...folder.split('/')))).toEqual([]);

    expect(await moveAttachmentsToObjectStore(source, target, { keepOnDisk: false })).toEqual({
      found: 0,
      copied: 0,
      alreadyThere: 0,
      failed: 0,
      removedFromDisk: 0,
    });
  });

  it('should keep the files on disk when asked, and leave a file it could not copy where it is', async () => {
    const kept = `${folder}/${randomUUID()}.jpg`;
    writeFileSync(join(directory, ...kept.split('/')), randomBytes(500));
    expect(await moveAttachmentsToObjectStore(source, target, { keepOnDisk: true })).toMatchObject({
      found: 1,
      copied: 1,
      removedFromDisk: 0,
    });
    expect(existsSync(join(directory, ...kept.split('/')))).toBe(true);

    const failures: string[] = [];
    await server.stop();
    const figures = await moveAttachmentsToObjectStore(source, target, { keepOnDisk: false, onFailure: (key) => failures.push(key) });
    expect(figures).toMatchObject({ found: 1, failed: 1, removedFromDisk: 0 });
    expect(failures).toEqual([kept]);
    expect(existsSync(join(directory, ...kept.split('/')))).toBe(true);
    server = await new LocalS3Server().start();
  });
});
