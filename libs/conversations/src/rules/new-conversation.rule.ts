import { ChannelKind } from '@app/channels';
import { randomUUID } from 'node:crypto';
import { Conversation, ConversationPriority, ConversationStatus } from '../entities/conversation.entity';

export interface NewConversationInput {
  organisationId: string;
  // The per-organisation number; the batch applier passes 0 and numbers its new conversations together afterwards.
  number: number;
  inbox: { id: string; channel: ChannelKind; teamId: string | null };
  contactId: string;
  at: Date;
  // Outreach: the officer who wrote first, or null for Wasl's own notice. The conversation waits on the beneficiary
  // (pending), is the officer's, and nobody waits for an officer yet.
  startedBy?: string | null;
  // A walk-in visit the officer records: the work is in hand (open) and theirs; nobody is waiting.
  recordedBy?: string;
}

// A conversation as it is opened, by a beneficiary's message or an officer's outreach, before its first message
// moves it (decideInbound's patch, the outreach's preview).
export function newConversation(input: NewConversationInput): Conversation {
  const outreach = input.startedBy !== undefined;
  const recorded = input.recordedBy !== undefined;
  return Object.assign(new Conversation(), {
    id: randomUUID(),
    organisationId: input.organisationId,
    number: input.number,
    inboxId: input.inbox.id,
    contactId: input.contactId,
    channel: input.inbox.channel,
    status: outreach && !recorded ? ConversationStatus.Pending : ConversationStatus.Open,
    priority: ConversationPriority.Normal,
    assigneeId: input.recordedBy ?? input.startedBy ?? null,
    teamId: input.inbox.teamId,
    labels: [],
    lastMessagePreview: null,
    lastActivityAt: input.at,
    waitingSince: outreach || recorded ? null : input.at,
    firstResponseAt: null,
    resolvedAt: null,
    createdAt: input.at,
    updatedAt: input.at,
  });
}
