import { ChannelKind } from '@app/channels';
import { InboxView } from '@app/inboxes';
import { ApiProperty } from '@nestjs/swagger';
import { InboxAccessResponse } from './inbox-access.dto';

export class InboxWebhookUrlResponse {
  @ApiProperty({ description: 'Where the administrator pastes it (the staff app names it)', example: 'twilioSms' }) purpose: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ description: 'Append ?token=<the inbox secret>: the provider signs nothing' }) needsToken: boolean;
}

// Response shape for the OpenAPI document (the web app's generated client); never instantiated.
export class InboxResponse implements InboxView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: ChannelKind;
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Non-secret settings' }) settings: InboxView['settings'];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [InboxWebhookUrlResponse], description: "URLs to paste into the provider's console" })
  webhookUrls: InboxWebhookUrlResponse[];
  @ApiProperty({ type: InboxAccessResponse, description: 'Teams and officers who see its conversations' }) access: InboxAccessResponse;
  @ApiProperty({ description: 'Conversations it holds: an inbox with any cannot be deleted, only disabled' }) conversationCount: number;
}

// The answer to creating an inbox or rotating its secret: its view and, this once, the signing secret.
export class CreatedInboxResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: ChannelKind;
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Non-secret settings' }) settings: InboxView['settings'];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [InboxWebhookUrlResponse], description: "URLs to paste into the provider's console" })
  webhookUrls: InboxWebhookUrlResponse[];
  @ApiProperty({ description: 'Signs webhooks and tokens; shown only in this answer' }) secret: string;
}
