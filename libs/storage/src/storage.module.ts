import { WaslConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { AttachmentStore } from './attachment-store';
import { DiskAttachmentStore } from './disk-attachment.store';

// The AWS SDK (a few hundred milliseconds to load) is loaded only by a process configured for object storage.
export async function createAttachmentStore(config: WaslConfig['attachments']): Promise<AttachmentStore> {
  if (config.store === 'disk') return new DiskAttachmentStore(config.directory);
  const { S3AttachmentStore } = await import('./s3-attachment.store');
  return new S3AttachmentStore(config.s3);
}

// The one attachment store of the process, chosen by ATTACHMENT_STORE; every reader and writer of files injects it.
@Global()
@Module({
  providers: [
    { provide: AttachmentStore, inject: [WaslConfig], useFactory: (config: WaslConfig) => createAttachmentStore(config.attachments) },
  ],
  exports: [AttachmentStore],
})
export class StorageModule {}
