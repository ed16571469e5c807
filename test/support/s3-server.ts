import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver has no type declarations: a local S3-compatible server that stores objects in a folder.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> };

// A private S3-compatible server on a free loopback port, for the tests that run the attachment store on object
// storage; Wasl reaches it only through its configuration (S3_ENDPOINT and the rest, see environment()).
export class LocalS3Server {
  readonly bucket = 'wasl-attachments';
  readonly accessKeyId = 'S3RVER';
  readonly secretAccessKey = 'S3RVER';
  private readonly directory = mkdtempSync(join(tmpdir(), 'wasl-s3-'));
  private server?: InstanceType<typeof S3rver>;
  endpoint = '';

  async start(): Promise<this> {
    this.server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      directory: this.directory,
      silent: true,
      configureBuckets: [{ name: this.bucket }],
    });
    const { port } = await this.server.run();
    this.endpoint = `http://127.0.0.1:${port}`;
    return this;
  }

  environment(): Record<string, string> {
    return {
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_BUCKET: this.bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: this.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  settings() {
    return {
      endpoint: this.endpoint,
      bucket: this.bucket,
      region: 'us-east-1',
      accessKeyId: this.accessKeyId,
      secretAccessKey: this.secretAccessKey,
      forcePathStyle: true,
    };
  }

  async stop(): Promise<void> {
    await this.server?.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
