import { TeamView } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

// Response shape for the OpenAPI document (the web app's generated client); never instantiated.
export class TeamResponse implements TeamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'A branch office (مكتب فرعي)' }) isBranch: boolean;
  @ApiProperty({ type: [String] }) memberIds: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
