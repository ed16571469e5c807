import { ChannelKind } from '@app/channels';
import { ConversationEventType, ConversationPriority, ConversationStatus, DeliveryStatus, MessageType } from '@app/conversations';
import { ConversationListItemView, ConversationView, MessageSender, MessageView } from '@app/wire';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document, from which the web app's client is generated. They describe the
// views the services already return (`implements` keeps them in step); they are never instantiated.
export class ConversationContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+966551234567' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class ConversationResponse implements ConversationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Per-organisation conversation number' }) number: number;
  @ApiProperty({ format: 'uuid' }) inboxId: string;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: string;
  @ApiProperty({ enum: ConversationStatus, enumName: 'ConversationStatus' }) status: string;
  @ApiProperty({ enum: ConversationPriority, enumName: 'ConversationPriority' }) priority: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty({ type: [String] }) labels: string[];
  @ApiProperty({ type: String, nullable: true }) lastMessagePreview: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) lastActivityAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when the beneficiary has waited for an answer' })
  waitingSince: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstResponseAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: ConversationContactResponse }) contact: ConversationContactResponse;
}

export class ConversationListItemResponse extends ConversationResponse implements ConversationListItemView {
  @ApiProperty({ description: 'Messages from the beneficiary after the caller last read this conversation' }) unreadCount: number;
}

export class ConversationPageResponse {
  @ApiProperty({ type: [ConversationListItemResponse] }) items: ConversationListItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class MessageResponse implements MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: MessageType, enumName: 'MessageType' }) type: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) attachments: unknown[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) senderUserId: string | null;
  @ApiProperty({ enum: ['contact', 'staff', 'system'], description: 'system: an automatic message that no staff member wrote' })
  sender: MessageSender;
  @ApiProperty({ type: String, nullable: true }) providerMessageId: string | null;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus', nullable: true }) status: string | null;
  @ApiProperty({ type: String, nullable: true }) failureCode: string | null;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class MessageListResponse {
  @ApiProperty({ type: [MessageResponse] }) items: MessageResponse[];
}

export class ConversationEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: ConversationEventType, enumName: 'ConversationEventType' }) type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) details: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class StartedConversationResponse {
  @ApiProperty({ type: ConversationResponse }) conversation: ConversationResponse;
  @ApiProperty({ type: MessageResponse }) message: MessageResponse;
}

export class UnreadSummaryResponse {
  @ApiProperty({ description: 'Unread messages of open and pending conversations assigned to the caller or to nobody (at most 1000)' })
  messages: number;
  @ApiProperty({ description: 'How many conversations those messages are in' }) conversations: number;
  @ApiProperty({ description: 'More unread messages than were counted' }) more: boolean;
}

export class ReadMarkerResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Beneficiary messages up to this time are read' })
  lastReadAt: Date | null;
}

export class LabelUsageResponse {
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Recently active conversations carrying it' }) conversations: number;
}

export class LabelListResponse {
  @ApiProperty({ type: [LabelUsageResponse] }) items: LabelUsageResponse[];
}
