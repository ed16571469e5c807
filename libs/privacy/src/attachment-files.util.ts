import { replyFileKey, replyFileOf } from '@app/conversations';
import { AttachmentStore } from '@app/storage';

// Where the web chat stores visitors' uploads (apps/gateway/src/webchat/webchat-attachments.service.ts): the key
// <inbox id>/<visitor key>/<file id> in the attachment store, named by the path kept on the message.
const STORED_FILE =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f]{40})\/([0-9a-f-]{36}\.(?:png|jpg|pdf))(?:[?#]|$)/;

// Files fetched from channels (WhatsApp voice notes and photos, Telegram files): ChannelMediaStore in
// libs/conversations keeps them under channel/<inbox id>/ in the store and rows keep /channel-media/<inbox>/<file>.
const CHANNEL_MEDIA = /^\/channel-media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f-]{36}\.[a-z0-9]{1,5})$/;

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
  for (const url of urls) {
    const media = CHANNEL_MEDIA.exec(url);
    if (!media) continue;
    if (await store.remove(`channel/${media[1]}/${media[2]}`)) removed += 1;
  }
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
