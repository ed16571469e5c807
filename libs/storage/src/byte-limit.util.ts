import { Transform, TransformCallback } from 'node:stream';
import { AttachmentTooLargeError } from './attachment-store';

// Passes bytes through and counts them; one byte past the limit fails the stream, so nothing larger is stored.
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) done(new AttachmentTooLargeError(this.maxBytes));
    else done(null, chunk);
  }
}
