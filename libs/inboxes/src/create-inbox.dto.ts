import { JsonObject } from '@app/common';
import { ChannelKind } from '@app/channels';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CreateInboxDto {
  @ApiProperty({ enum: ChannelKind, example: ChannelKind.Api }) @IsEnum(ChannelKind) channel: ChannelKind;
  @ApiProperty({ example: 'تطبيق الجمعية' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'https://app.example.org/wasl/callback', description: 'API channel: or settings.callbackUrl' })
  // The staff app sends it among the settings, as every other channel's fields; older clients send it here.
  @ValidateIf(
    (dto: CreateInboxDto) =>
      (dto.channel === ChannelKind.Api && typeof dto.settings?.callbackUrl !== 'string') || dto.callbackUrl !== undefined,
  )
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  callbackUrl?: string;
  @ApiPropertyOptional({ description: 'One of the kind’s providers in GET /api/v1/channel-definitions', example: 'twilio' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  provider?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({
    description:
      'Channel settings: the fields GET /api/v1/channel-definitions lists for the kind and provider (a 400 names ' +
      'settings.<field>). Credentials (writeOnly fields) are sealed and never returned.',
  })
  @IsOptional()
  @IsObject()
  settings?: JsonObject;
}
