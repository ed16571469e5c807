import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { InboundEvent } from '../entities/inbound-event.entity';
import { InboundIntakeService } from './inbound-intake.service';

// Accepted events whose job never reached Redis (it was down at the time) are queued again. The job id is
// derived from the provider id, so an event whose job is still waiting, running or kept as failed is not doubled.
@Injectable()
export class InboundRecoveryService {
  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly intake: InboundIntakeService,
  ) {}

  async requeueStale(olderThanMilliseconds: number, batchSize = 500): Promise<number> {
    const stale = await this.events.find({
      where: { processedAt: IsNull(), receivedAt: LessThan(new Date(Date.now() - olderThanMilliseconds)) },
      select: { id: true, organisationId: true, inboxId: true, providerMessageId: true },
      order: { id: 'ASC' },
      take: batchSize,
    });
    for (const event of stale) await this.intake.enqueue(event.organisationId, event.inboxId, event.providerMessageId, event.id);
    return stale.length;
  }
}
