import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalS3Server } from '../../../test/support/s3-server';
import { AttachmentStore, AttachmentTooLargeError } from './attachment-store';
import { DiskAttachmentStore } from './disk-attachment.store';
import { S3AttachmentStore } from './s3-attachment.store';

const MEGABYTE = 1024 * 1024;

// A stream that makes its bytes as it is read (seeded, so the digest can be computed again), never holding them all.
function generated(sizeBytes: number, seed: string): Readable {
  let produced = 0;
  let counter = 0;
  return new Readable({
    read() {
      if (produced >= sizeBytes) return this.push(null);
      const chunk = createHash('sha512').update(`${seed}:${counter++}`).digest();
      const piece = Buffer.alloc(Math.min(64 * 1024, sizeBytes - produced), chunk);
      produced += piece.length;
      this.push(piece);
    },
  });
}

async function digestOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function keysOf(store: AttachmentStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of store.list()) keys.push(key);
  return keys.sort();
}

interface OpenStore {
  store: AttachmentStore;
  stop: () => Promise<void>;
}

describe.each<[string, () => Promise<OpenStore>]>([
  ['disk', async () => ({ store: new DiskAttachmentStore(mkdtempSync(join(tmpdir(), 'wasl-disk-store-'))), stop: async () => undefined })],
  [
    's3 (s3rver)',
    async () => {
      const server = await new LocalS3Server().start();
      const store = new S3AttachmentStore(server.settings());
      return {
        store,
        stop: async () => {
          store.onModuleDestroy();
          await server.stop();
        },
      };
    },
  ],
])('AttachmentStore on %s', (_kind, open) => {
  let store: AttachmentStore;
  let stop: () => Promise<void>;
  const folder = `${randomUUID()}/${'b'.repeat(40)}`;

  beforeAll(async () => {
    ({ store, stop } = await open());
  });

  afterAll(async () => {
    if (store instanceof DiskAttachmentStore) rmSync(store.directory, { recursive: true, force: true });
    await stop();
  });

  it('should store, measure, stream back and remove a file', async () => {
    const key = `${folder}/${randomUUID()}.png`;
    const content = randomBytes(2048);
    expect(await store.write(key, Readable.from([content]), { maxBytes: MEGABYTE, contentType: 'image/png' })).toEqual({ sizeBytes: 2048 });
    expect(await store.size(key)).toBe(2048);
    const read = await store.read(key);
    expect(read?.sizeBytes).toBe(2048);
    expect(await digestOf(read!.stream)).toBe(createHash('sha256').update(content).digest('hex'));
    expect(await store.remove(key)).toBe(true);
    expect(await store.remove(key)).toBe(false);
    expect(await store.read(key)).toBeUndefined();
    expect(await store.size(key)).toBeUndefined();
  });

  it('should stream a file larger than one multipart part through and back unchanged', async () => {
    const key = `${folder}/${randomUUID()}.pdf`;
    const size = 12 * MEGABYTE + 123;
    expect(await store.write(key, generated(size, key), { maxBytes: 20 * MEGABYTE })).toEqual({ sizeBytes: size });
    expect(await store.size(key)).toBe(size);
    expect(await digestOf((await store.read(key))!.stream)).toBe(await digestOf(generated(size, key)));
    await store.remove(key);
  });

  it('should refuse a file past the size limit and keep nothing of it', async () => {
    const key = `${folder}/${randomUUID()}.pdf`;
    await expect(store.write(key, generated(6 * MEGABYTE, key), { maxBytes: 5 * MEGABYTE })).rejects.toBeInstanceOf(
      AttachmentTooLargeError,
    );
    expect(await store.size(key)).toBeUndefined();
    expect((await keysOf(store)).filter((listed) => listed.startsWith(key))).toEqual([]);
    if (store instanceof DiskAttachmentStore) expect(readdirSync(join(store.directory, ...folder.split('/')))).toEqual([]);
  });

  it('should remove a whole folder, and list what is left', async () => {
    const other = `${randomUUID()}/${'c'.repeat(40)}/${randomUUID()}.jpg`;
    const mine = [`${folder}/${randomUUID()}.jpg`, `${folder}/${randomUUID()}.jpg`];
    for (const key of [...mine, other]) await store.write(key, Readable.from([Buffer.from(key)]), { maxBytes: MEGABYTE });
    await store.removeFolder(folder);
    expect(await keysOf(store)).toEqual([other]);
  });

  it('should refuse keys that could leave the store', async () => {
    for (const key of ['../outside.png', '/etc/passwd', `${folder}/../../x.png`, 'a//b.png']) {
      await expect(store.write(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 })).rejects.toThrow('not a plain relative path');
    }
  });
});
