export * from './attachment-store';
export * from './disk-attachment.store';
// Types only: the S3 store is loaded on demand (createAttachmentStore).
export type { S3AttachmentStore, S3StoreSettings } from './s3-attachment.store';
export * from './storage.module';
export * from './move-attachments.util';
export * from './stored-object.util';
