import { DiskAttachmentStore } from '@app/storage';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeAttachmentFiles } from './attachment-files.util';

describe(removeAttachmentFiles.name, () => {
  const inboxId = randomUUID();
  const visitorKey = 'a'.repeat(40);
  const directory = mkdtempSync(join(tmpdir(), 'wasl-attachments-'));
  const store = new DiskAttachmentStore(directory);
  const folder = join(directory, inboxId, visitorKey);
  const fileId = `${randomUUID()}.png`;
  const unattached = `${randomUUID()}.pdf`;

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  beforeEach(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, fileId), 'x');
    writeFileSync(join(folder, unattached), 'y');
  });

  it('should remove the files named by stored paths and signed links, and nothing a crafted URL points elsewhere', async () => {
    const removed = await removeAttachmentFiles(
      store,
      [
        `/webchat/files/${inboxId}/${visitorKey}/${fileId}`,
        `/webchat/files/${inboxId}/${visitorKey}/../../../../package.json`,
        'https://example.org/x.png',
      ],
      { wholeFolders: false },
    );
    expect(removed).toBe(1);
    expect(existsSync(join(folder, fileId))).toBe(false);
    expect(existsSync(join(folder, unattached))).toBe(true);
    expect(existsSync(resolve('package.json'))).toBe(true);
  });

  it('should remove the visitor’s whole folder for an erased person', async () => {
    await removeAttachmentFiles(store, [`/webchat/files/${inboxId}/${visitorKey}/${fileId}?expires=1&signature=ab`], {
      wholeFolders: true,
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('should remove a file fetched from a channel, and nothing outside its inbox folder', async () => {
    const channelFolder = join(directory, 'channel', inboxId);
    const mediaId = `${randomUUID()}.ogg`;
    mkdirSync(channelFolder, { recursive: true });
    writeFileSync(join(channelFolder, mediaId), 'voice');
    const removed = await removeAttachmentFiles(
      store,
      [`/channel-media/${inboxId}/${mediaId}`, `/channel-media/${inboxId}/../../../package.json`],
      { wholeFolders: false },
    );
    expect(removed).toBe(1);
    expect(existsSync(join(channelFolder, mediaId))).toBe(false);
    rmSync(channelFolder, { recursive: true, force: true });
  });
});
