import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

export const WASL_ROLES = ['all', 'gateway', 'worker'] as const;
export type WaslRole = (typeof WASL_ROLES)[number];

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const ATTACHMENT_STORES = ['disk', 's3'] as const;
export type AttachmentStoreKind = (typeof ATTACHMENT_STORES)[number];

const asBoolean = ({ value }: { value: unknown }) => ({ true: true, false: false })[String(value)] ?? value;

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const TRUSTED_PROXY_ENTRY = String.raw`(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)`;
const TRUSTED_PROXY_LIST = new RegExp(`^${TRUSTED_PROXY_ENTRY}(\\s*,\\s*${TRUSTED_PROXY_ENTRY})*$`);

export const API_DOCS_MODES = ['public', 'staff', 'off'] as const;
export type ApiDocsMode = (typeof API_DOCS_MODES)[number];

const ORIGIN_ENTRY = String.raw`https?:\/\/[^\s,/]+`;
const ORIGIN_LIST = new RegExp(`^${ORIGIN_ENTRY}(\\s*,\\s*${ORIGIN_ENTRY})*$`);

// Every key Wasl reads from the environment. Validated once at boot; see config/defaults.json for defaults.
export class EnvironmentSchema {
  @IsIn(WASL_ROLES) WASL_ROLE: WaslRole;

  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT: number;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) PUBLIC_URL?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' }) DATABASE_URL?: string;
  @IsString() SQLITE_PATH: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(500) DATABASE_POOL_SIZE: number;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' }) REDIS_URL: string;
  @Matches(/^[a-z0-9-]+$/, { message: 'must be lower-case letters, digits and dashes' }) QUEUE_PREFIX: string;

  // Secrets: never logged, never put in job payloads.
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) WASL_JWT_SECRET: string;
  @Matches(/^[0-9a-f]{64}$/i, { message: 'must be 64 hex characters (32 bytes), e.g. `openssl rand -hex 32`' })
  WASL_ENCRYPTION_KEY: string;

  // Seconds; tests use a few to watch sessions expire.
  @Type(() => Number) @IsInt() @Min(1) ACCESS_TOKEN_TTL_SECONDS: number;
  @Type(() => Number) @IsInt() @Min(1) LOGIN_MAX_FAILURES: number;
  @Type(() => Number) @IsInt() @Min(1) LOGIN_LOCK_SECONDS: number;
  // Past LOGIN_MAX_FAILURES an account is slowed (the wait doubles per failure up to this), never locked for long.
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) LOGIN_MAX_DELAY_SECONDS: number;
  // Proxies whose X-Forwarded-For is believed: addresses, CIDR ranges or loopback/linklocal/uniquelocal. Unset: none.
  @IsOptional()
  @Matches(TRUSTED_PROXY_LIST, {
    message: 'must be a comma-separated list of IP addresses, CIDR ranges or loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY?: string;
  // How often an open /agents socket's user is checked again (still active, same role, same session).
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) STAFF_SOCKET_RECHECK_SECONDS: number;
  // Origins besides PUBLIC_URL's whose pages may open /agents with credentials (comma-separated). Unset: none.
  @IsOptional()
  @Matches(ORIGIN_LIST, { message: 'must be a comma-separated list of origins such as https://wasl.example.org' })
  STAFF_ALLOWED_ORIGINS?: string;
  // /docs (the OpenAPI page and document): public, staff (a signed-in staff member only) or off.
  @IsIn(API_DOCS_MODES) API_DOCS: ApiDocsMode;
  // Failed unauthenticated requests (401, 403, bad webhook signatures) a source address may make per minute
  // before it gets 429 without a log line.
  @Type(() => Number) @IsInt() @Min(1) FAILED_REQUESTS_PER_MINUTE: number;

  @IsOptional() @IsEmail() WASL_ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(10, { message: 'must be at least 10 characters' }) WASL_ADMIN_PASSWORD?: string;
  @IsString() @MinLength(2) WASL_ORGANISATION_NAME: string;

  @Type(() => Number) @IsInt() @Min(0) REOPEN_WINDOW_HOURS: number;

  // Inbound messages the gateway holds at once (being stored, not yet answered); past it 503 with Retry-After.
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) INTAKE_MAX_IN_FLIGHT: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(256) INBOUND_CONCURRENCY: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(50) INBOUND_ATTEMPTS: number;
  @Type(() => Number) @IsInt() @Min(1) INBOUND_BACKOFF_MS: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(256) OUTBOUND_CONCURRENCY: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(50) OUTBOUND_ATTEMPTS: number;
  @Type(() => Number) @IsInt() @Min(1) OUTBOUND_BACKOFF_MS: number;
  @Type(() => Number) @IsInt() @Min(100) CALLBACK_TIMEOUT_MS: number;
  // Lets callback and provider base URLs reach loopback, private and link-local addresses: the sandbox and tests only.
  @Transform(({ value }) => ({ true: true, false: false })[String(value)] ?? value)
  @IsBoolean({ message: 'must be true or false' })
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: boolean;
  // Delivery reports and call links wait in their own queue until the message or call they refer to exists.
  @Type(() => Number) @IsInt() @Min(1) @Max(256) CHANNEL_EVENTS_CONCURRENCY: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(50) CHANNEL_EVENTS_ATTEMPTS: number;
  @Type(() => Number) @IsInt() @Min(1) CHANNEL_EVENTS_BACKOFF_MS: number;
  // The most SMS parts one officer reply may take (Twilio recommends staying at or under 320 characters).
  @Type(() => Number) @IsInt() @Min(1) @Max(10) SMS_MAX_PARTS: number;
  @Type(() => Number) @IsInt() @Min(10) FAILED_JOBS_KEPT: number;
  // Media a channel names by id (WhatsApp's are at most 16 MB for audio and video) are fetched up to this size.
  @Type(() => Number) @IsInt() @Min(1024) @Max(104_857_600) CHANNEL_MEDIA_MAX_BYTES: number;
  // The whatsapp-web.js client: Debian's Chromium, or the replay of recorded shapes (chosen here, never by NODE_ENV).
  @IsIn(['chromium', 'replay']) WHATSAPP_WEB_CLIENT: 'chromium' | 'replay';
  @IsString() @Matches(/^\//, { message: 'must be an absolute path' }) CHROMIUM_PATH: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https', 'socks5'], require_protocol: true }) WHATSAPP_WEB_PROXY?: string;
  @Type(() => Number) @IsInt() @Min(1000) CHANNEL_SESSION_LEASE_MS: number;
  @Type(() => Number) @IsInt() @Min(100) CHANNEL_SESSION_CHECK_MS: number;
  // How long a web-chat attachment link handed to a visitor works: minutes, so an old URL is useless.
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) WEBCHAT_ATTACHMENT_LINK_SECONDS: number;
  // How long the link to a file attached to a reply works for the provider that fetches it (Twilio's mediaUrl) or the
  // association's app that downloads it from the API channel's callback: long enough for a queued send, then useless.
  @Type(() => Number) @IsInt() @Min(1) @Max(86_400) REPLY_ATTACHMENT_LINK_SECONDS: number;

  // Attachments: the local disk (embedded default; one machine) or S3-compatible object storage (several machines).
  @IsIn(ATTACHMENT_STORES) ATTACHMENT_STORE: AttachmentStoreKind;
  // The disk store's folder, and where attachments:move-to-object-store reads from.
  @IsString() @MinLength(1) ATTACHMENT_DIRECTORY: string;
  // Unset: AWS S3 itself. MinIO, Ceph and others: their URL, usually with S3_FORCE_PATH_STYLE=true.
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) S3_ENDPOINT?: string;
  @ValidateIf((environment: EnvironmentSchema) => environment.ATTACHMENT_STORE === 's3' || environment.S3_BUCKET !== undefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and dashes)',
  })
  S3_BUCKET?: string;
  @IsString() @MinLength(1) S3_REGION: string;
  // Secret. Unset with S3_SECRET_ACCESS_KEY: the SDK's own credential chain (instance role, web identity).
  @IsOptional() @IsString() @MinLength(1) S3_ACCESS_KEY_ID?: string;
  @ValidateIf((environment: EnvironmentSchema) => environment.S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'must be set with S3_ACCESS_KEY_ID' })
  S3_SECRET_ACCESS_KEY?: string;
  @Transform(asBoolean) @IsBoolean({ message: 'must be true or false' }) S3_FORCE_PATH_STYLE: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535) WORKER_HEALTH_PORT?: number;
  @Type(() => Number) @IsInt() @Min(0) @Max(19) WORKER_NICENESS: number;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel;
  // json: one JSON object per line (pino), for production and log collectors; pretty: Nest's coloured lines (npm start).
  @IsIn(LOG_FORMATS) LOG_FORMAT: LogFormat;
  // Bearer token for GET /metrics (the gateway's port, and the worker's WORKER_HEALTH_PORT). Unset: no /metrics.
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) METRICS_TOKEN?: string;
}

// Nest takes the list of levels to print; LOG_LEVEL names the most verbose one.
export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
