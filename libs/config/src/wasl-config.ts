import { ApiDocsMode, LogFormat, LogLevel, WaslRole } from './environment.schema';

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  concurrency: number;
}

// The typed, grouped configuration every module receives. Built once by loadConfig().
export class WaslConfig {
  role: WaslRole;
  logLevel: LogLevel;
  logFormat: LogFormat;
  // token: the bearer token GET /metrics asks for; undefined serves no metrics.
  metrics: { token?: string };
  http: { port: number; publicUrl: string; intakeMaxInFlight: number };
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'sqlite'; path: string };
  redis: { url: string; queuePrefix: string };
  security: {
    jwtSecret: string;
    encryptionKey: Buffer;
    accessTokenTtlSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
    loginMaxDelaySeconds: number;
    // Empty: request.ip is the socket's address and X-Forwarded-For is ignored.
    trustedProxies: string[];
    staffSocketRecheckSeconds: number;
    // Lower-cased origins allowed to open /agents with credentials: PUBLIC_URL's and STAFF_ALLOWED_ORIGINS.
    staffOrigins: string[];
    apiDocs: ApiDocsMode;
    failedRequestsPerMinute: number;
  };
  bootstrap: { adminEmail?: string; adminPassword?: string; organisationName: string };
  conversations: { reopenWindowHours: number };
  queues: { inbound: RetryPolicy; outbound: RetryPolicy; channelEvents: RetryPolicy; failedJobsKept: number };
  // allowPrivateNetworks: configured URLs may reach loopback and private addresses (sandbox and tests only).
  // mediaMaxBytes: the largest file fetched from a channel for an inbound message.
  channels: { callbackTimeoutMs: number; allowPrivateNetworks: boolean; mediaMaxBytes: number };
  // Live channel sessions (WhatsApp through a paired phone) and the lease that gives each to one worker.
  sessions: { client: 'chromium' | 'replay'; chromiumPath: string; proxy?: string; leaseMs: number; checkMs: number };
  sms: { maxParts: number };
  webChat: { attachmentLinkSeconds: number };
  // linkSeconds: how long a signed link to a reply's file works for a provider or the association's app.
  replyAttachments: { linkSeconds: number };
  // directory: the disk store's folder, also the source of attachments:move-to-object-store.
  attachments:
    | { store: 'disk'; directory: string }
    | {
        store: 's3';
        directory: string;
        s3: { endpoint?: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
      };
  // niceness: the CPU priority a separate worker process gives itself (0 = as started, 19 = lowest).
  worker: { healthPort?: number; niceness: number };

  get runsGateway(): boolean {
    return this.role !== 'worker';
  }

  get runsWorker(): boolean {
    return this.role !== 'gateway';
  }

  // Only the gateway runs migrations so that N workers never race on the schema.
  get runsMigrations(): boolean {
    return this.runsGateway;
  }
}
