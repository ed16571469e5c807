import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { InboundEvent } from '../entities/inbound-event.entity';
import { InboundIntakeService } from './inbound-intake.service';

// Accepted events that are still unapplied after a while are queued again: their job never reached Redis
// (it was down at the time), or the worker's asynchronous commit was lost in a crash.
@Injectable()
export class InboundRecoveryService {
  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly intake: InboundIntakeService,
  ) {}

  async requeueStale(olderThanMilliseconds: number, batchSize = 500): Promise<number> {
    const stale = await this.events.find({
      where: { processedAt: IsNull(), receivedAt: LessThan(new Date(Date.now() - olderThanMilliseconds)) },
      select: { id: true, organisationId: true },
      order: { id: 'ASC' },
      take: batchSize,
    });
    let queued = 0;
    for (const event of stale) {
      if (await this.intake.requeue(event.organisationId, event.id)) queued += 1;
    }
    return queued;
  }
}
