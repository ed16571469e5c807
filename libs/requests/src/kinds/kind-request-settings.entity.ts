import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Entity } from 'typeorm';

// Which team receives volunteering applications and which works suggestions and complaints, per organisation.
@Entity('kind_request_settings')
export class KindRequestSettings {
  @PrimaryUuidColumn() organisationId: string;
  @UuidColumn({ nullable: true }) volunteeringTeamId: string | null;
  @UuidColumn({ nullable: true }) feedbackTeamId: string | null;
  @TimestampColumn() updatedAt: Date;
}
