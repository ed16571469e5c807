import { JsonObject } from '@app/common';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// Facts with timestamps; SLA timers and reports are computed from these rows, never from mutable columns.
export enum ConversationEventType {
  Created = 'created',
  Assigned = 'assigned',
  Unassigned = 'unassigned',
  TeamChanged = 'team_changed',
  FirstResponse = 'first_response',
  StatusChanged = 'status_changed',
  Reopened = 'reopened',
  PriorityChanged = 'priority_changed',
  LabelsChanged = 'labels_changed',
  ContactMerged = 'contact_merged',
}

@Entity('conversation_events')
@Index(['organisationId', 'type', 'createdAt'])
@Index(['conversationId', 'createdAt'])
export class ConversationEvent {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() conversationId: string;
  @Column({ type: 'varchar', length: 30 }) type: ConversationEventType;
  @UuidColumn({ nullable: true }) actorUserId: string | null;
  @Column({ type: 'simple-json', nullable: true }) details: JsonObject | null;
  @TimestampColumn() createdAt: Date;
}
