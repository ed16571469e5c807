import { JobName, JobQueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { OutboundDeliveryService } from './outbound-delivery.service';

// Replies still `queued` after a while whose job can no longer run (never reached Redis, lost, or failed as
// "stalled more than allowable limit" after worker kills) are queued again under a fresh job id. Delivery itself
// settles a reply whose send was interrupted (OutboundDeliveryService), so a re-queued reply ends `sent` or
// `failed` with a reason, never `queued` for ever and never sent twice where the receiver cannot tell.
@Injectable()
export class OutboundRecoveryService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly jobs: JobQueue,
    private readonly delivery: OutboundDeliveryService,
  ) {}

  async requeueStale(olderThanMilliseconds: number, batchSize = 200): Promise<number> {
    const stale = await this.messages.find({
      where: {
        status: DeliveryStatus.Queued,
        type: MessageType.Outbound,
        createdAt: LessThan(new Date(Date.now() - olderThanMilliseconds)),
      },
      select: { id: true, organisationId: true },
      order: { createdAt: 'ASC' },
      take: batchSize,
    });
    let queued = 0;
    for (const message of stale) {
      if (await this.requeue(message.organisationId, message.id)) queued += 1;
    }
    return queued;
  }

  private async requeue(organisationId: string, messageId: string): Promise<boolean> {
    const done = await this.jobs.recover(JobName.SendOutboundMessage, { organisationId, messageId });
    if (done === 'give-up') await this.delivery.giveUp(organisationId, messageId);
    return done === 'queued';
  }
}
