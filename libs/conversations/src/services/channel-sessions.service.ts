import { ChannelSessionRegistry, ChannelSessionState, ChannelSessionUpdate, RunningChannelSession } from '@app/channels';
import { SecretBox } from '@app/common';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { WaslMetrics } from '@app/observability';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChannelSession } from '../entities/channel-session.entity';

export interface ChannelSessionView {
  inboxId: string;
  state: ChannelSessionState;
  qr: string | null;
  phone: string | null;
  reason: string | null;
  drivenBy: string | null;
  updatedAt: Date;
}

// States an administrator must act on: the inbox page shows them and the overseers get a live event.
const NEEDS_ATTENTION: ChannelSessionState[] = ['logged-out', 'disconnected'];

// Live channel sessions: the ones this process drives (for the adapters), their stored state and sealed
// credentials, and what administrators see (the QR code while pairing, the paired number, the state).
@Injectable()
export class ChannelSessionsService implements ChannelSessionRegistry, OnModuleInit {
  private readonly logger = new Logger(ChannelSessionsService.name);
  private readonly box: SecretBox;
  private readonly local = new Map<string, RunningChannelSession>();

  constructor(
    @InjectRepository(ChannelSession) private readonly sessions: Repository<ChannelSession>,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
    private readonly metrics: WaslMetrics,
    config: WaslConfig,
  ) {
    this.box = new SecretBox(config.security.encryptionKey);
  }

  // For alerting: a session that is not connected loses the association's WhatsApp until someone acts.
  onModuleInit(): void {
    this.metrics.registerScrapedGauge({
      name: 'wasl_channel_sessions',
      help: 'Paired-phone channel sessions per inbox and state (1 for its current state), read from PostgreSQL when scraped',
      labelNames: ['inbox_id', 'state'],
      read: async () =>
        (await this.sessions.find({ select: { inboxId: true, state: true } })).map((row) => ({
          labels: { inbox_id: row.inboxId, state: row.state },
          value: 1,
        })),
    });
  }

  running(inboxId: string): RunningChannelSession | undefined {
    return this.local.get(inboxId);
  }

  attach(inboxId: string, session: RunningChannelSession): void {
    this.local.set(inboxId, session);
  }

  detach(inboxId: string): RunningChannelSession | undefined {
    const session = this.local.get(inboxId);
    this.local.delete(inboxId);
    return session;
  }

  driven(): string[] {
    return [...this.local.keys()];
  }

  // Every session of the organisation, the ones an administrator must act on first.
  async list(organisationId: string): Promise<Array<ChannelSessionView & { needsAttention: boolean }>> {
    const rows = await this.sessions.find({ where: { organisationId }, order: { updatedAt: 'DESC' } });
    return rows
      .map((row) => ({ ...toView(row), needsAttention: row.state !== 'connected' }))
      .sort((first, second) => Number(second.needsAttention) - Number(first.needsAttention));
  }

  async find(organisationId: string, inboxId: string): Promise<ChannelSessionView | null> {
    const row = await this.sessions.findOneBy({ organisationId, inboxId });
    return row ? toView(row) : null;
  }

  async loadData(inboxId: string): Promise<string | null> {
    const row = await this.sessions.findOne({ where: { inboxId }, select: { inboxId: true, sealedData: true } });
    return row?.sealedData ? this.box.open(row.sealedData) : null;
  }

  async saveData(organisationId: string, inboxId: string, data: string | null): Promise<void> {
    await this.upsert(organisationId, inboxId, { sealedData: data === null ? null : this.box.seal(data) });
  }

  async report(organisationId: string, inboxId: string, update: ChannelSessionUpdate, drivenBy: string | null): Promise<void> {
    const patch: Partial<ChannelSession> = { state: update.state, reason: update.reason?.slice(0, 300) ?? null, drivenBy };
    if (update.qr !== undefined) patch.qr = update.qr;
    if (update.state !== 'pairing') patch.qr = null;
    if (update.phone !== undefined) patch.phone = update.phone;
    const row = await this.upsert(organisationId, inboxId, patch);
    if (NEEDS_ATTENTION.includes(update.state))
      this.logger.warn(`Inbox ${inboxId}: session ${update.state}${update.reason ? ` (${update.reason})` : ''}`);
    this.realtime.toOverseers(organisationId, RealtimeEvent.ChannelSessionUpdated, toView(row));
  }

  private async upsert(organisationId: string, inboxId: string, patch: Partial<ChannelSession>): Promise<ChannelSession> {
    return this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(ChannelSession, { inboxId });
      const row = Object.assign(
        existing ??
          manager.create(ChannelSession, {
            inboxId,
            organisationId,
            state: 'pairing',
            qr: null,
            phone: null,
            reason: null,
            drivenBy: null,
            sealedData: null,
          }),
        patch,
        { updatedAt: new Date() },
      );
      await manager.save(ChannelSession, row);
      return row;
    });
  }
}

function toView(row: ChannelSession): ChannelSessionView {
  const { inboxId, state, qr, phone, reason, drivenBy, updatedAt } = row;
  return { inboxId, state, qr, phone, reason, drivenBy, updatedAt };
}
