import { ConfigurationError, loadConfig } from './load-config';

const VALID = {
  WASL_JWT_SECRET: 'x'.repeat(40),
  WASL_ENCRYPTION_KEY: 'a'.repeat(64),
};

describe(loadConfig.name, () => {
  it('should use the embedded SQLite database and local Redis when nothing else is configured', () => {
    const config = loadConfig(VALID);
    expect(config.role).toBe('all');
    expect(config.database.kind).toBe('sqlite');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.publicUrl).toBe('http://localhost:3000');
    expect(config.queues.inbound.concurrency).toBe(1);
    expect(config.runsMigrations).toBe(true);
  });

  it('should use PostgreSQL and group typed values when DATABASE_URL is set', () => {
    const config = loadConfig({
      ...VALID,
      DATABASE_URL: 'postgres://wasl@db/wasl',
      PORT: '8080',
      PUBLIC_URL: 'https://wasl.example.org/',
      WASL_ROLE: 'worker',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://wasl@db/wasl', poolSize: 20 });
    expect(config.http).toEqual({ port: 8080, publicUrl: 'https://wasl.example.org', intakeMaxInFlight: 1000 });
    expect(config.queues.inbound.concurrency).toBe(128);
    expect(config.runsGateway).toBe(false);
    expect(config.runsMigrations).toBe(false);
    expect(config.security.encryptionKey).toHaveLength(32);
  });

  it('should refuse private targets for configured URLs unless the deployment allows them', () => {
    expect(loadConfig(VALID).channels.allowPrivateNetworks).toBe(false);
    expect(loadConfig({ ...VALID, OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' }).channels.allowPrivateNetworks).toBe(true);
  });

  it('should bound the inbound messages a gateway holds with a positive INTAKE_MAX_IN_FLIGHT', () => {
    expect(loadConfig({ ...VALID, INTAKE_MAX_IN_FLIGHT: '250' }).http.intakeMaxInFlight).toBe(250);
    expect(() => loadConfig({ ...VALID, INTAKE_MAX_IN_FLIGHT: '0' })).toThrow(/INTAKE_MAX_IN_FLIGHT/);
    expect(() => loadConfig({ ...VALID, INTAKE_MAX_IN_FLIGHT: 'many' })).toThrow(/INTAKE_MAX_IN_FLIGHT must be an integer number/);
  });

  it('should log JSON unless LOG_FORMAT=pretty, and serve /metrics only with a long METRICS_TOKEN', () => {
    expect(loadConfig(VALID)).toMatchObject({ logFormat: 'json', metrics: { token: undefined } });
    expect(loadConfig({ ...VALID, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ ...VALID, LOG_FORMAT: 'text' })).toThrow(/^Invalid configuration: LOG_FORMAT /);
    expect(loadConfig({ ...VALID, METRICS_TOKEN: 'm'.repeat(32) }).metrics.token).toBe('m'.repeat(32));
    expect(() => loadConfig({ ...VALID, METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 32 characters');
    // A separate worker serves its metrics on its health port, so it needs one.
    expect(() => loadConfig({ ...VALID, WASL_ROLE: 'worker', METRICS_TOKEN: 'm'.repeat(32) })).toThrow(
      /METRICS_TOKEN needs WORKER_HEALTH_PORT/,
    );
    expect(loadConfig({ ...VALID, WASL_ROLE: 'worker', METRICS_TOKEN: 'm'.repeat(32), WORKER_HEALTH_PORT: '3001' }).worker.healthPort).toBe(
      3001,
    );
  });

  it('should keep attachments on disk unless ATTACHMENT_STORE=s3 names a bucket', () => {
    expect(loadConfig(VALID).attachments).toEqual({ store: 'disk', directory: expect.stringMatching(/var\/attachments$/) });
    const s3 = { ...VALID, ATTACHMENT_STORE: 's3', S3_BUCKET: 'wasl-files', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' };
    expect(loadConfig({ ...s3, S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }).attachments).toMatchObject({
      store: 's3',
      s3: { bucket: 'wasl-files', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true, accessKeyId: 'key' },
    });
    expect(() => loadConfig({ ...VALID, ATTACHMENT_STORE: 's3' })).toThrow(/^Invalid configuration: S3_BUCKET must be an S3 bucket name/);
    expect(() => loadConfig({ ...s3, S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ ...s3, S3_ACCESS_KEY_ID: 'key' })).toThrow(/S3_SECRET_ACCESS_KEY must be set with S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ ...VALID, ATTACHMENT_STORE: 'nfs' })).toThrow(/ATTACHMENT_STORE/);
    expect(() => loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE must be true or false');
  });

  it('should trust no proxy unless TRUST_PROXY names them', () => {
    expect(loadConfig(VALID).security.trustedProxies).toEqual([]);
    expect(loadConfig({ ...VALID, TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).security.trustedProxies).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
  });

  it.each([
    [{ WASL_JWT_SECRET: undefined }, 'WASL_JWT_SECRET must be at least 32 characters'],
    [{ WASL_ENCRYPTION_KEY: 'short' }, 'WASL_ENCRYPTION_KEY must be 64 hex characters'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ WASL_ROLE: 'everything' }, 'WASL_ROLE'],
    [{ PORT: 'abc' }, 'PORT must be an integer number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// URL'],
    [{ TRUST_PROXY: 'proxy.example.org' }, 'TRUST_PROXY must be a comma-separated list'],
    [{ TRUST_PROXY: '10.0.0.999' }, 'TRUST_PROXY has "10.0.0.999"'],
    [{ STAFF_SOCKET_RECHECK_SECONDS: '0' }, 'STAFF_SOCKET_RECHECK_SECONDS'],
    [{ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'yes' }, 'OUTBOUND_ALLOW_PRIVATE_NETWORKS must be true or false'],
  ])('should stop with one line naming the key for %p', (patch, expected) => {
    const attempt = () => loadConfig({ ...VALID, ...patch });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(expected);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });
});
