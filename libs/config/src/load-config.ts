import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { EnvironmentSchema } from './environment.schema';
import { WaslConfig } from './wasl-config';

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

type Environment = Record<string, string | undefined>;

function readDefaults(): Record<string, unknown> {
  // config/defaults.json sits at the repository root, two levels above dist/ or libs/.
  const candidates = [resolve(process.cwd(), 'config/defaults.json'), resolve(__dirname, '../../../config/defaults.json')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) return {};
  const { $comment: _comment, ...defaults } = JSON.parse(readFileSync(found, 'utf8')) as Record<string, unknown>;
  return defaults;
}

const TYPE_CONSTRAINTS = ['isDefined', 'isInt', 'isNumber', 'isBoolean', 'isEnum', 'isIn'];

function firstProblem(errors: ValidationError[]): string {
  const error = errors[0];
  // The type comes first: "PORT=abc" is not a number, whatever its range check says about NaN.
  const constraints = error.constraints ?? {};
  const typeCheck = TYPE_CONSTRAINTS.find((name) => constraints[name] !== undefined);
  const reason = (typeCheck ? constraints[typeCheck] : Object.values(constraints)[0]) ?? 'is invalid';
  const shown = reason.startsWith(error.property) ? reason.slice(error.property.length + 1) : reason;
  return `Invalid configuration: ${error.property} ${shown}.`;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function trustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address);
    const prefixValid = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
    if (!PROXY_KEYWORDS.includes(entry) && (family === 0 || !prefixValid)) {
      throw new ConfigurationError(`Invalid configuration: TRUST_PROXY has ${JSON.stringify(entry)}, which is not an IP address or range.`);
    }
  }
  return entries;
}

export function loadDotEnv(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

// The only place that reads the environment. Throws ConfigurationError with one line naming the key.
// `defaults` let an entry point set its own default (the worker's WASL_ROLE) under the environment.
export function loadConfig(environment: Environment = process.env, defaults: Environment = {}): WaslConfig {
  const merged: Record<string, unknown> = { ...readDefaults(), ...defaults };
  for (const [key, value] of Object.entries(environment)) {
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const schema = plainToInstance(EnvironmentSchema, merged, { enableImplicitConversion: false });
  const errors = validateSync(schema, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) throw new ConfigurationError(firstProblem(errors));

  const config = new WaslConfig();
  config.role = schema.WASL_ROLE;
  config.logLevel = schema.LOG_LEVEL;
  config.logFormat = schema.LOG_FORMAT;
  config.metrics = { token: schema.METRICS_TOKEN };
  config.http = {
    port: schema.PORT,
    publicUrl: (schema.PUBLIC_URL ?? `http://localhost:${schema.PORT}`).replace(/\/+$/, ''),
    intakeMaxInFlight: schema.INTAKE_MAX_IN_FLIGHT,
  };
  config.database = schema.DATABASE_URL
    ? { kind: 'postgres', url: schema.DATABASE_URL, poolSize: schema.DATABASE_POOL_SIZE }
    : { kind: 'sqlite', path: resolve(process.cwd(), schema.SQLITE_PATH) };
  config.redis = { url: schema.REDIS_URL, queuePrefix: schema.QUEUE_PREFIX };
  config.security = {
    jwtSecret: schema.WASL_JWT_SECRET,
    encryptionKey: Buffer.from(schema.WASL_ENCRYPTION_KEY, 'hex'),
    accessTokenTtlSeconds: schema.ACCESS_TOKEN_TTL_SECONDS,
    loginMaxFailures: schema.LOGIN_MAX_FAILURES,
    loginLockSeconds: schema.LOGIN_LOCK_SECONDS,
    loginMaxDelaySeconds: schema.LOGIN_MAX_DELAY_SECONDS,
    trustedProxies: trustedProxies(schema.TRUST_PROXY),
    staffSocketRecheckSeconds: schema.STAFF_SOCKET_RECHECK_SECONDS,
    staffOrigins: [
      ...new Set(
        [config.http.publicUrl, ...(schema.STAFF_ALLOWED_ORIGINS ?? '').split(',')]
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
          .map((origin) => new URL(origin).origin.toLowerCase()),
      ),
    ],
    apiDocs: schema.API_DOCS,
    failedRequestsPerMinute: schema.FAILED_REQUESTS_PER_MINUTE,
  };
  config.bootstrap = {
    adminEmail: schema.WASL_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: schema.WASL_ADMIN_PASSWORD,
    organisationName: schema.WASL_ORGANISATION_NAME,
  };
  config.conversations = { reopenWindowHours: schema.REOPEN_WINDOW_HOURS };
  config.queues = {
    inbound: {
      attempts: schema.INBOUND_ATTEMPTS,
      backoffMs: schema.INBOUND_BACKOFF_MS,
      // better-sqlite3 is one synchronous connection: transactions must not interleave.
      concurrency: config.database.kind === 'sqlite' ? 1 : schema.INBOUND_CONCURRENCY,
    },
    outbound: {
      attempts: schema.OUTBOUND_ATTEMPTS,
      backoffMs: schema.OUTBOUND_BACKOFF_MS,
      concurrency: schema.OUTBOUND_CONCURRENCY,
    },
    channelEvents: {
      attempts: schema.CHANNEL_EVENTS_ATTEMPTS,
      backoffMs: schema.CHANNEL_EVENTS_BACKOFF_MS,
      concurrency: config.database.kind === 'sqlite' ? 1 : schema.CHANNEL_EVENTS_CONCURRENCY,
    },
    failedJobsKept: schema.FAILED_JOBS_KEPT,
  };
  config.channels = {
    callbackTimeoutMs: schema.CALLBACK_TIMEOUT_MS,
    allowPrivateNetworks: schema.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
    mediaMaxBytes: schema.CHANNEL_MEDIA_MAX_BYTES,
  };
  config.sessions = {
    client: schema.WHATSAPP_WEB_CLIENT,
    chromiumPath: schema.CHROMIUM_PATH,
    proxy: schema.WHATSAPP_WEB_PROXY,
    leaseMs: schema.CHANNEL_SESSION_LEASE_MS,
    checkMs: schema.CHANNEL_SESSION_CHECK_MS,
  };
  if (config.sessions.checkMs * 2 > config.sessions.leaseMs) {
    throw new ConfigurationError('Invalid configuration: CHANNEL_SESSION_CHECK_MS must be at most half of CHANNEL_SESSION_LEASE_MS.');
  }
  config.sms = { maxParts: schema.SMS_MAX_PARTS };
  config.webChat = { attachmentLinkSeconds: schema.WEBCHAT_ATTACHMENT_LINK_SECONDS };
  config.replyAttachments = { linkSeconds: schema.REPLY_ATTACHMENT_LINK_SECONDS };
  config.worker = { healthPort: schema.WORKER_HEALTH_PORT, niceness: schema.WORKER_NICENESS };
  const directory = resolve(process.cwd(), schema.ATTACHMENT_DIRECTORY);
  config.attachments =
    schema.ATTACHMENT_STORE === 's3'
      ? {
          store: 's3',
          directory,
          s3: {
            endpoint: schema.S3_ENDPOINT,
            bucket: schema.S3_BUCKET as string,
            region: schema.S3_REGION,
            accessKeyId: schema.S3_ACCESS_KEY_ID,
            secretAccessKey: schema.S3_SECRET_ACCESS_KEY,
            forcePathStyle: schema.S3_FORCE_PATH_STYLE,
          },
        }
      : { store: 'disk', directory };
  // A separate worker has no HTTP port but its health port, where it serves /metrics.
  if (config.role === 'worker' && config.metrics.token !== undefined && config.worker.healthPort === undefined) {
    throw new ConfigurationError(
      'Invalid configuration: METRICS_TOKEN needs WORKER_HEALTH_PORT on a worker (its metrics are served there).',
    );
  }
  return config;
}
