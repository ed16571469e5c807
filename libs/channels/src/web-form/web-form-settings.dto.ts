import { IsOptional, IsString, MaxLength } from 'class-validator';

// The association's public forms (volunteering, suggestions and complaints) served by the gateway.
export class WebFormSettingsDto {
  @IsOptional() @IsString() @MaxLength(200) description?: string;
}
