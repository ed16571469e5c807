import { replyFileKey, replyFileOf } from '@app/conversations';
import { AttachmentStore } from '@app/storage';

// Where the web chat stores visitors' uploads (apps/gateway/src/webchat/webchat-attachments.service.ts): the key
// <inbox id>/<visitor key>/<file id> in the attachment store, named by the path kept on the message.
const STORED_FILE =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f]{40})\/([0-9a-f-]{36}\.(?:png|jpg|pdf))(?:[?#]|$)/;

interface StoredFile {
  inboxId: string;
  visitorKey: string;
  fileId: string;
}

function storedFileOf(url: string): StoredFile | undefined {
  const match = STORED_FILE.exec(url);
  return match ? { inboxId: match[1], visitorKey: match[2], fileId: match[3] } : undefined;
}

// Removes the files behind erased attachments: visitors' uploads, and officers' files on replies and notes
// (`/files/<inbox>/<conversation>/<file>`). With wholeFolders, the visitor's folder goes too: an erased person's
// uploads that never reached a message are theirs as well. Returns how many referenced files were found.
export async function removeAttachmentFiles(store: AttachmentStore, urls: string[], options: { wholeFolders: boolean }): Promise<number> {
  const files = urls.map(storedFileOf).filter((file): file is StoredFile => file !== undefined);
  let removed = 0;
  for (const replyFile of urls.map(replyFileOf)) {
    if (replyFile && (await store.remove(replyFileKey(replyFile)))) removed += 1;
  }
  for (const file of files) {
    if (await store.remove(`${file.inboxId}/${file.visitorKey}/${file.fileId}`)) removed += 1;
  }
  if (options.wholeFolders) {
    const folders = new Set(files.map((file) => `${file.inboxId}/${file.visitorKey}`));
    for (const folder of folders) await store.removeFolder(folder);
  }
  return removed;
}
