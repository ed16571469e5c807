import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import { assertSafeKey, AttachmentStore, StoredObject, StoreWriteOptions } from './attachment-store';
import { ByteLimit } from './byte-limit.util';

export interface S3StoreSettings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

// S3's smallest multipart part: a large file is sent 5 MB at a time, never held whole.
const PART_BYTES = 5 * 1024 * 1024;

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error instanceof NoSuchKey || error instanceof NotFound || status === 404;
}

export function s3ClientOptions(settings: S3StoreSettings): S3ClientConfig {
  return {
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every S3-compatible server
    // (MinIO before 2024, Ceph, s3rver); checksums are sent where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

// S3-compatible object storage (AWS S3, MinIO, Ceph, Wasabi…) through the AWS SDK v3: one bucket, keys as on disk.
export class S3AttachmentStore extends AttachmentStore implements OnModuleDestroy {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly settings: S3StoreSettings) {
    super();
    this.client = new S3Client(s3ClientOptions(settings));
  }

  async write(key: string, content: Readable, options: StoreWriteOptions): Promise<{ sizeBytes: number }> {
    assertSafeKey(key);
    const limit = new ByteLimit(options.maxBytes);
    content.once('error', (error) => limit.destroy(error));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: key, Body: content.pipe(limit), ContentType: options.contentType },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
    return { sizeBytes: limit.bytes };
  }

  async read(key: string): Promise<StoredObject | undefined> {
    assertSafeKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return { stream: answer.Body as Readable, sizeBytes: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async size(key: string): Promise<number | undefined> {
    assertSafeKey(key);
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return answer.ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<boolean> {
    if ((await this.size(key)) === undefined) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    return true;
  }

  async removeFolder(folder: string): Promise<void> {
    assertSafeKey(folder);
    for await (const { key } of this.listUnder(`${folder}/`)) {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    }
  }

  list(): AsyncIterable<{ key: string; sizeBytes: number }> {
    return this.listUnder(undefined);
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  private async *listUnder(prefix: string | undefined): AsyncIterable<{ key: string; sizeBytes: number }> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: prefix, ContinuationToken: continuationToken }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield { key: object.Key, sizeBytes: object.Size ?? 0 };
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }
}
