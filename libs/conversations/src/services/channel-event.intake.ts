import { ChannelEvent } from '@app/channels';
import { ChannelTemplatesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { Injectable } from '@nestjs/common';
import { CallsService } from './calls.service';
import { ChannelJobsService } from './channel-jobs.service';
import { DeliveryStatusService } from './delivery-status.service';
import { InboundIntakeService } from './inbound-intake.service';

// Where a verified webhook's events go, in order: messages are stored once and queued (the provider is answered
// at the commit), delivery reports are queued, calls update their row and reach the conversation as messages,
// template status changes update the inbox's templates.
@Injectable()
export class ChannelEventIntake {
  constructor(
    private readonly messages: InboundIntakeService,
    private readonly deliveryStatus: DeliveryStatusService,
    private readonly calls: CallsService,
    private readonly templates: ChannelTemplatesService,
    private readonly channelJobs: ChannelJobsService,
  ) {}

  async apply(inbox: Inbox, events: readonly ChannelEvent[]): Promise<void> {
    for (const event of events) await this.applyOne(inbox, event);
  }

  private async applyOne(inbox: Inbox, event: ChannelEvent): Promise<void> {
    switch (event.type) {
      case 'message': {
        const accepted = await this.messages.accept(inbox, event.message);
        // Files the message names by id are fetched by the worker; a copy of a stored message queues nothing new.
        if (!accepted.duplicate) await this.channelJobs.afterAccepted(inbox, accepted.messageId, event.message);
        return;
      }
      case 'delivery-status':
        await this.deliveryStatus.enqueue(inbox, event.update);
        return;
      case 'call-started':
        await this.calls.recordIncomingCall(inbox, event.call);
        return;
      case 'call-dialled':
        await this.calls.recordDialOutcome(inbox, event.providerCallId, event.outcome);
        return;
      case 'voicemail':
        await this.calls.recordVoicemail(inbox, event.providerCallId, event.recording);
        return;
      case 'transcription':
        await this.calls.recordTranscription(inbox, event.transcription);
        return;
      case 'call-status':
        await this.calls.recordCallStatus(inbox, event.call);
        return;
      case 'template-status':
        await this.templates.applyStatus(inbox.organisationId, inbox.id, event.template);
        return;
      default:
        throw new Error(`No intake for channel event ${(event satisfies never as ChannelEvent).type}`);
    }
  }
}
