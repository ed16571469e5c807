export interface DetectedAttachmentType {
  contentType: 'image/png' | 'image/jpeg' | 'application/pdf';
  extension: 'png' | 'jpg' | 'pdf';
}

const SIGNATURES: Array<{ bytes: number[]; type: DetectedAttachmentType }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { contentType: 'image/png', extension: 'png' } },
  { bytes: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', extension: 'jpg' } },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: 'application/pdf', extension: 'pdf' } },
];

// What an attachment rule may allow: the types Wasl can tell by their first bytes.
export const DETECTABLE_ATTACHMENT_TYPES: readonly string[] = SIGNATURES.map(({ type }) => type.contentType);

// The type comes from the file's first bytes, never from its name or the browser's claim, so a script
// renamed to photo.png is refused.
export function detectAttachmentType(content: Buffer): DetectedAttachmentType | undefined {
  return SIGNATURES.find(({ bytes }) => content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte))?.type;
}
