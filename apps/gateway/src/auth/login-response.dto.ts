import { AuthenticatedUser, UserLocale, UserRole } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.
export class AuthenticatedUserResponse implements AuthenticatedUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role: UserRole;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UserLocale, enumName: 'UserLocale', nullable: true, description: 'The interface language the user chose' })
  locale: UserLocale | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token for the REST API and the /agents socket' }) accessToken: string;
  @ApiProperty({ type: AuthenticatedUserResponse }) user: AuthenticatedUserResponse;
}

export class WebSessionResponse {
  @ApiProperty({ type: AuthenticatedUserResponse }) user: AuthenticatedUserResponse;
  @ApiProperty({ description: 'Repeat in the X-CSRF-Token header of every POST, PATCH, PUT and DELETE' }) csrfToken: string;
}
