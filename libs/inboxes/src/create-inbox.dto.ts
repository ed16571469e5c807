import { JsonObject } from '@app/common';
import { ChannelKind } from '@app/channels';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CreateInboxDto {
  @ApiProperty({ enum: ChannelKind, example: ChannelKind.Api }) @IsEnum(ChannelKind) channel: ChannelKind;
  @ApiProperty({ example: 'تطبيق الجمعية' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'https://app.example.org/wasl/callback' })
  @ValidateIf((dto: CreateInboxDto) => dto.channel === ChannelKind.Api || dto.callbackUrl !== undefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  callbackUrl?: string;
  @ApiPropertyOptional({ description: 'sms: twilio | unifonic | taqnyat | log; voice: twilio', example: 'twilio' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  provider?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({
    description:
      'Channel settings. sms/twilio: accountSid, authToken, phoneNumber | messagingServiceSid, apiBaseUrl?; sms/unifonic: appSid, ' +
      'senderId, apiBaseUrl?; sms/taqnyat: apiToken, sender, apiBaseUrl?; voice/twilio: accountSid, authToken, phoneNumber?, ' +
      'forwardTo[], greeting?, greetingAudioUrl?, voicemailPrompt?, dialTimeoutSeconds?, workingHours?. Credentials are sealed.',
  })
  @IsOptional()
  @IsObject()
  settings?: JsonObject;
}
