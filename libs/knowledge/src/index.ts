export * from './canned-replies/canned-reply-template.util';
export * from './extraction/document-format';
export * from './extraction/document-format.util';
export * from './extraction/document-text.extractor';
export * from './extraction/extraction-thread';
export * from './extraction/text-block';
export * from './passages/passage-splitter.util';
