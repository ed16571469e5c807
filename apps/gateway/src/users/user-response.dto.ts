import { UserRole } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

// Response shape for the OpenAPI document (the web app's generated client); never instantiated.
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role: UserRole;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [String] }) teamIds: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
