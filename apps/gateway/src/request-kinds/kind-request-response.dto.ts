import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class KindRequestContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() phoneVerified: boolean;
}

export class KindRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['volunteering', 'feedback', 'internal'] }) kind: 'volunteering' | 'feedback' | 'internal';
  @ApiProperty({
    enum: ['new', 'interview', 'accepted', 'declined', 'received', 'in_review', 'acted_on', 'closed', 'open', 'in_progress', 'done'],
  })
  state: string;
  @ApiProperty({ enum: ['public_form', 'conversation', 'staff'] }) source: 'public_form' | 'conversation' | 'staff';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId: string | null;
  @ApiProperty({ type: Number, nullable: true }) conversationNumber: number | null;
  @ApiProperty({ type: KindRequestContactResponse, nullable: true }) contact: KindRequestContactResponse | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requesterUserId: string | null;
  @ApiProperty({ type: String, enum: ['suggestion', 'complaint'], nullable: true }) feedbackType: 'suggestion' | 'complaint' | null;
  @ApiProperty({ type: String, enum: ['low', 'normal', 'high', 'urgent'], nullable: true }) priority:
    'low' | 'normal' | 'high' | 'urgent' | null;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty() details: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) data: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty({ type: [String], description: 'The actions the caller may take now' }) actions: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class KindRequestListResponse {
  @ApiProperty({ type: [KindRequestResponse] }) items: KindRequestResponse[];
}

export class KindRequestEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['created', 'transition', 'notice_sent', 'notice_not_sent'] }) type: string;
  @ApiProperty({ type: String, nullable: true }) action: string | null;
  @ApiProperty({ type: String, nullable: true }) fromState: string | null;
  @ApiProperty({ type: String, nullable: true }) toState: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class KindRequestEventListResponse {
  @ApiProperty({ type: [KindRequestEventResponse] }) items: KindRequestEventResponse[];
}

export class KindRequestSettingsResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) volunteeringTeamId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) feedbackTeamId: string | null;
}
