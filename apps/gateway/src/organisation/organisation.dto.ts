import { DigitStyle, OrganisationSettingsView } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, IsTimeZone, Matches, MaxLength } from 'class-validator';

// Response shape for the OpenAPI document (the web app's generated client); never instantiated.
export class OrganisationResponse implements OrganisationSettingsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'جمعية البر الخيرية' }) name: string;
  @ApiProperty({ example: 'Asia/Riyadh', description: 'IANA time zone in which the staff app shows every date' }) timeZone: string;
  @ApiProperty({ enum: DigitStyle, enumName: 'DigitStyle', description: 'Digits of numbers in the Arabic interface' })
  digitStyle: DigitStyle;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'جمعية البر الخيرية' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ example: 'Asia/Riyadh' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone({ message: 'must be an IANA time zone such as Asia/Riyadh' })
  timeZone?: string;
  @ApiPropertyOptional({ enum: DigitStyle, enumName: 'DigitStyle' }) @IsOptional() @IsEnum(DigitStyle) digitStyle?: DigitStyle;
}
