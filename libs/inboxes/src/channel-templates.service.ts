import { ChannelTemplate, TemplateStatusChange } from '@app/channels';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ChannelTemplateRow } from './channel-template.entity';

export interface ChannelTemplateView {
  id: string;
  name: string;
  language: string;
  category: string;
  status: ChannelTemplateRow['status'];
  body: string;
  header: string | null;
  footer: string | null;
  parameterCount: number;
  statusReason: string | null;
  syncedAt: Date;
}

// An inbox's templates as the provider last listed them, with status changes applied as they arrive.
@Injectable()
export class ChannelTemplatesService {
  constructor(
    @InjectRepository(ChannelTemplateRow) private readonly templates: Repository<ChannelTemplateRow>,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(organisationId: string, inboxId: string): Promise<ChannelTemplateView[]> {
    const rows = await this.templates.find({ where: { organisationId, inboxId }, order: { name: 'ASC', language: 'ASC' } });
    return rows.map(toView);
  }

  async find(organisationId: string, inboxId: string, templateId: string): Promise<ChannelTemplateRow | null> {
    return this.templates.findOneBy({ id: templateId, organisationId, inboxId });
  }

  // The provider's list replaces the stored one: new templates are added, known ones updated, vanished ones removed.
  async replace(organisationId: string, inboxId: string, listed: ChannelTemplate[]): Promise<number> {
    const now = new Date();
    await this.transactions.run(async (manager) => {
      const existing = await manager.findBy(ChannelTemplateRow, { organisationId, inboxId });
      const byKey = new Map(existing.map((row) => [`${row.name}\n${row.language}`, row]));
      const kept = new Set<string>();
      for (const template of listed) {
        const key = `${template.name}\n${template.language}`;
        if (kept.has(key)) continue;
        kept.add(key);
        const values = {
          category: template.category.slice(0, 40),
          status: template.status,
          body: template.body,
          header: template.header ?? null,
          footer: template.footer ?? null,
          parameterCount: template.parameterCount,
          syncedAt: now,
          updatedAt: now,
        };
        const row = byKey.get(key);
        if (row) await manager.update(ChannelTemplateRow, { id: row.id }, values);
        else
          await manager.insert(ChannelTemplateRow, {
            id: randomUUID(),
            organisationId,
            inboxId,
            name: template.name.slice(0, 512),
            language: template.language.slice(0, 20),
            statusReason: null,
            ...values,
          });
      }
      const gone = existing.filter((row) => !kept.has(`${row.name}\n${row.language}`)).map((row) => row.id);
      if (gone.length > 0) await manager.delete(ChannelTemplateRow, gone);
    });
    return distinctCount(listed);
  }

  // A status webhook: applies to the template in that language, or to every language of it when none is named.
  async applyStatus(organisationId: string, inboxId: string, change: TemplateStatusChange): Promise<number> {
    const where = { organisationId, inboxId, name: change.name, ...(change.language ? { language: change.language } : {}) };
    const result = await this.transactions.run((manager) =>
      manager.update(ChannelTemplateRow, where, { status: change.status, statusReason: change.reason ?? null, updatedAt: new Date() }),
    );
    return result.affected ?? 0;
  }
}

function distinctCount(listed: ChannelTemplate[]): number {
  return new Set(listed.map((template) => `${template.name}\n${template.language}`)).size;
}

function toView(row: ChannelTemplateRow): ChannelTemplateView {
  const { id, name, language, category, status, body, header, footer, parameterCount, statusReason, syncedAt } = row;
  return { id, name, language, category, status, body, header, footer, parameterCount, statusReason, syncedAt };
}
