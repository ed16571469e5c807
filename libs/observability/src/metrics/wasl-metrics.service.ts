import { QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { within } from '../within.util';

// A scrape must answer even while Redis is away: queue figures missing from one scrape beat a hung scrape.
const QUEUE_SCRAPE_TIMEOUT_MILLISECONDS = 1_000;
const JOB_STATES = ['waiting', 'paused', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

// The job that has waited longest for a worker: the oldest of the waiting list, or of the paused list while an
// operator holds the queue.
async function oldestWaitingJob(queue: Queue): Promise<{ timestamp: number } | undefined> {
  const heads = await Promise.all((['waiting', 'paused'] as const).map((state) => queue.getJobs([state], 0, 0, true)));
  return heads.flat().sort((left, right) => left.timestamp - right.timestamp)[0];
}

// Seconds. Webhooks are answered in milliseconds; staff pages and exports may take seconds.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// One registry per process: in WASL_ROLE=all the gateway's and the worker's figures are served together. Labels are
// route patterns, channels, codes, queue names and inbox ids: never a raw URL, a number, a name or a text.
@Injectable()
export class WaslMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'wasl_http_request_duration_seconds',
    help: 'HTTP answers (webhooks, staff API, web chat) by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  private readonly inboundAccepted = new Counter({
    name: 'wasl_inbound_accepted_total',
    help: 'Inbound messages a gateway acknowledged, by channel; duplicate="true" for a provider id already stored',
    labelNames: ['channel', 'duplicate'],
    registers: [this.registry],
  });

  private readonly inboundRefused = new Counter({
    name: 'wasl_inbound_refused_total',
    help: 'Inbound messages a gateway refused after the signature check, by channel and HTTP status (400, 503)',
    labelNames: ['channel', 'status_code'],
    registers: [this.registry],
  });

  private readonly inboundProcessed = new Counter({
    name: 'wasl_inbound_processed_total',
    help: 'Inbound jobs a worker finished, by channel: outcome applied, skipped (already applied) or failed (no attempt left)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  private readonly inboundUnqueued = new Counter({
    name: 'wasl_inbound_left_to_sweep_total',
    help: 'Inbound messages stored and acknowledged but not queued (Redis away or not keeping up); the recovery sweep queues them after two minutes',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  private readonly outbound = new Counter({
    name: 'wasl_outbound_messages_total',
    help: 'Reply sends by channel, outcome (sent, retrying, failed) and failure code',
    labelNames: ['channel', 'outcome', 'code'],
    registers: [this.registry],
  });

  private readonly inboxAuthFailures = new Gauge({
    name: 'wasl_inbox_consecutive_auth_failures',
    help: 'Sends refused for credentials or configuration (AUTH_INVALID) in a row, per inbox, seen by this process',
    labelNames: ['inbox_id', 'channel'],
    registers: [this.registry],
  });

  private readonly inboxLastFailure = new Gauge({
    name: 'wasl_inbox_last_failure_timestamp_seconds',
    help: 'When a send through the inbox last failed, by failure code, seen by this process',
    labelNames: ['inbox_id', 'channel', 'code'],
    registers: [this.registry],
  });

  private readonly inboxLastSuccess = new Gauge({
    name: 'wasl_inbox_last_success_timestamp_seconds',
    help: 'When a send through the inbox last succeeded, seen by this process',
    labelNames: ['inbox_id', 'channel'],
    registers: [this.registry],
  });

  constructor(private readonly moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry });
    const queues = () => Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    // Collected when scraped, not kept up to date: one round trip per queue for the counts and one for the oldest job.
    new Gauge({
      name: 'wasl_queue_jobs',
      help: 'Jobs per queue and state, read from Redis when scraped',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues().map(async (queue) => {
            const counts = await within(QUEUE_SCRAPE_TIMEOUT_MILLISECONDS, queue.getJobCounts(...JOB_STATES)).catch(() => undefined);
            for (const state of JOB_STATES) if (counts) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    new Gauge({
      name: 'wasl_queue_oldest_waiting_job_age_seconds',
      help: 'Age of the oldest job waiting for a worker, per queue (0 when none waits), read from Redis when scraped',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues().map(async (queue) => {
            const oldest = await within(QUEUE_SCRAPE_TIMEOUT_MILLISECONDS, oldestWaitingJob(queue)).catch(() => null);
            if (oldest === null) return;
            this.set({ queue: queue.name }, oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0);
          }),
        );
      },
    });
  }

  // A gauge another module reads from its own tables when Prometheus scrapes (the module owns the query); registered
  // once per registry, however many times the owning service is built.
  registerScrapedGauge(gauge: {
    name: string;
    help: string;
    labelNames: string[];
    read: () => Promise<Array<{ labels: Record<string, string>; value: number }>>;
  }): void {
    if (this.registry.getSingleMetric(gauge.name)) return;
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: gauge.labelNames,
      registers: [this.registry],
      async collect() {
        const rows = await within(QUEUE_SCRAPE_TIMEOUT_MILLISECONDS, gauge.read()).catch(() => undefined);
        // An unreadable database keeps the last figures rather than reporting every session gone.
        if (!rows) return;
        this.reset();
        for (const row of rows) this.set(row.labels, row.value);
      },
    });
  }

  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: statusCode }, seconds);
  }

  inboundWasAccepted(channel: string, duplicate: boolean): void {
    this.inboundAccepted.inc({ channel, duplicate: String(duplicate) });
  }

  inboundWasRefused(channel: string, statusCode: number): void {
    this.inboundRefused.inc({ channel, status_code: statusCode });
  }

  inboundWasProcessed(channel: string, outcome: 'applied' | 'skipped' | 'failed'): void {
    this.inboundProcessed.inc({ channel, outcome });
  }

  inboundLeftToSweep(count: number, reason: 'writes-in-flight' | 'queue-write-failed'): void {
    this.inboundUnqueued.inc({ reason }, count);
  }

  // code: the ChannelErrorCode (or OUTCOME_UNKNOWN) of a failed or retried send; null when sent.
  outboundOutcome(inbox: { id: string; channel: string }, outcome: 'sent' | 'retrying' | 'failed', code: string | null): void {
    this.outbound.inc({ channel: inbox.channel, outcome, code: code ?? '' });
    const labels = { inbox_id: inbox.id, channel: inbox.channel };
    const nowSeconds = Date.now() / 1000;
    if (outcome === 'sent') {
      this.inboxAuthFailures.set(labels, 0);
      this.inboxLastSuccess.set(labels, nowSeconds);
      return;
    }
    this.inboxLastFailure.set({ ...labels, code: code ?? '' }, nowSeconds);
    if (code === 'AUTH_INVALID') this.inboxAuthFailures.inc(labels);
    else this.inboxAuthFailures.set(labels, 0);
  }

  contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
