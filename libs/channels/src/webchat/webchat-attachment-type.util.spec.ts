import { detectAttachmentType } from './webchat-attachment-type.util';

describe(detectAttachmentType.name, () => {
  it('should recognise PNG, JPEG and PDF by their first bytes', () => {
    expect(detectAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
    expect(detectAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(detectAttachmentType(Buffer.from('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
  });

  it('should refuse anything else, whatever the file is called', () => {
    expect(detectAttachmentType(Buffer.from('<script>alert(1)</script>'))).toBeUndefined();
    expect(detectAttachmentType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(detectAttachmentType(Buffer.alloc(0))).toBeUndefined();
  });
});
