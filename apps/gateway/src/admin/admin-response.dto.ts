import { AuditAction } from '@app/audit';
import { QueueName } from '@app/queue';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.
export class FailedJobResponse {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' }) queue: QueueName;
  @ApiProperty({ type: String, nullable: true }) jobId: string | null;
  @ApiProperty({ example: 'send-outbound-message' }) name: string;
  @ApiProperty({ description: 'The last attempt’s error' }) failedReason: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The job’s ids (never text or personal data)' })
  data: Record<string, unknown>;
}

export class FailedJobListResponse {
  @ApiProperty({ type: [FailedJobResponse] }) items: FailedJobResponse[];
}

export class AuditLogEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system and for failed logins' })
  actorUserId: string | null;
  @ApiProperty({ enum: AuditAction, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ example: 'contact' }) subjectType: string;
  @ApiProperty({ description: 'An id, or * for a list' }) subjectId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Ids, counts and field names; never the data read',
  })
  details: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AuditLogPageResponse {
  @ApiProperty({ type: [AuditLogEntryResponse] }) items: AuditLogEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}
