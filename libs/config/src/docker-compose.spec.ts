import { getMetadataStorage } from 'class-validator';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentSchema } from './environment.schema';
import { loadConfig } from './load-config';

// No Docker engine here: docker-compose.yml is checked by reading it, against the configuration schema and the build.
const root = join(__dirname, '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
const { services } = compose;
const schemaKeys = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentSchema, '', true, false)
    .map((rule) => rule.propertyName),
);

// Compose's own interpolation: ${NAME:-default} and ${NAME:?message} from a .env file.
function interpolate(value: string, dotEnv: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
    if (dotEnv[name] !== undefined && dotEnv[name] !== '') return dotEnv[name];
    if (kind === '?') throw new Error(`${name} is required: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}

// The services' environments with the shared block (`<<: *wasl-environment`) merged in, as compose does.
function environmentOf(service: ComposeService): Record<string, string> {
  const { '<<': shared, ...own } = (service.environment ?? {}) as Record<string, unknown>;
  return { ...(shared as Record<string, string> | undefined), ...(own as Record<string, string>) };
}

describe('docker-compose.yml', () => {
  const wasl = ['gateway', 'worker'];

  it('should bring up PostgreSQL, Redis with AOF, one gateway and one worker, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'postgres', 'redis', 'worker']);
    const withoutHealthCheck = Object.entries(services)
      .filter(([, service]) => (service.healthcheck?.test.length ?? 0) < 2)
      .map(([name]) => name);
    expect(withoutHealthCheck).toEqual([]);
    const redis = services.redis.command?.join(' ') ?? '';
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(services.gateway.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(services.worker.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });

  it('should start what the Dockerfile builds, and check health on the ports the services listen on', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(services.gateway.command).toEqual(['node', 'dist/apps/gateway/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    for (const entry of ['apps/gateway/src/main.ts', 'apps/worker/src/main.ts']) expect(existsSync(join(root, entry))).toBe(true);
    expect(services.gateway.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${environmentOf(services.gateway).PORT}/health/ready`);
    expect(services.worker.healthcheck?.test.join(' ')).toContain(
      `127.0.0.1:${environmentOf(services.worker).WORKER_HEALTH_PORT}/health/ready`,
    );
    // The disk attachment store's folder is one volume that both write to (uploads; retention and erasure).
    for (const name of wasl) expect(services[name].volumes).toContain(`attachments:${environmentOf(services[name]).ATTACHMENT_DIRECTORY}`);
  });

  it('should only set keys the configuration schema knows, with values it accepts for both roles', () => {
    const dotEnv = { WASL_JWT_SECRET: 'j'.repeat(40), WASL_ENCRYPTION_KEY: 'a'.repeat(64), METRICS_TOKEN: 'm'.repeat(40) };
    for (const name of wasl) {
      const environment = environmentOf(services[name]);
      expect(Object.keys(environment).filter((key) => !schemaKeys.has(key))).toEqual([]);
      const resolved = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, interpolate(String(value), dotEnv)]));
      const config = loadConfig(resolved);
      expect(config.role).toBe(name);
      expect(config.database.kind).toBe('postgres');
      expect(config.logFormat).toBe('json');
      expect(config.metrics.token).toBe(dotEnv.METRICS_TOKEN);
    }
    expect(() => interpolate(environmentOf(services.gateway).WASL_JWT_SECRET, {})).toThrow('WASL_JWT_SECRET is required');
  });

  it('should have every configuration key documented in .env.example', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect([...schemaKeys].filter((key) => !documented.has(key))).toEqual([]);
  });
});
