import { IsOptional, IsString, MaxLength } from 'class-validator';

// Where beneficiaries are received in person (the association's office or a branch).
export class WalkInSettingsDto {
  @IsOptional() @IsString() @MaxLength(200) location?: string;
}
