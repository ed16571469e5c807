import { IsOptional, IsString, MaxLength } from 'class-validator';

// The association's own departments writing to each other; nothing to configure but a description.
export class InternalSettingsDto {
  @IsOptional() @IsString() @MaxLength(200) description?: string;
}
