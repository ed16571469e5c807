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

// In the list: whether failed logins make the account wait now (an administrator may unlock it).
export class UserListItemResponse extends UserResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until when a login must wait; null when it may try' })
  loginBlockedUntil: Date | null;
}
