import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Entity, Index } from 'typeorm';

// How far one staff member has read one conversation: the beneficiary's messages accepted after `lastReadAt`
// are unread for them. Each officer has their own marker, so one colleague opening a conversation does not
// hide it from another.
@Entity('conversation_reads')
@Index(['organisationId', 'userId'])
export class ConversationRead {
  @PrimaryUuidColumn() conversationId: string;
  @PrimaryUuidColumn() userId: string;
  @UuidColumn() organisationId: string;
  @TimestampColumn() lastReadAt: Date;
  @TimestampColumn() updatedAt: Date;
}
