import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhatsAppWebClientOptions } from './whatsapp-web-client.types';

// whatsapp-web.js's RemoteAuth store (reference/channels.md §3.2) over Wasl's own storage: RemoteAuth zips the
// browser profile's IndexedDB and Local Storage to <dataPath>/<session>.zip and asks the store to keep it; another
// worker's RemoteAuth asks for it back before its browser starts. The zip is kept base64, sealed, in PostgreSQL.
export class WhatsAppWebRemoteAuthStore {
  constructor(
    private readonly dataPath: string,
    private readonly store: WhatsAppWebClientOptions['store'],
  ) {}

  async sessionExists(): Promise<boolean> {
    return (await this.store.load()) !== null;
  }

  async save({ session }: { session: string }): Promise<void> {
    const zip = await readFile(join(this.dataPath, `${session}.zip`));
    await this.store.save(zip.toString('base64'));
  }

  async extract({ path }: { session: string; path: string }): Promise<void> {
    const data = await this.store.load();
    if (data) await writeFile(path, Buffer.from(data, 'base64'));
  }

  async delete(): Promise<void> {
    await this.store.clear();
  }
}
