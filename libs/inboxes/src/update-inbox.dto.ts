import { JsonObject } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

// A disabled inbox keeps its conversations; its webhooks and web chat are refused until it is enabled again.
// Channel and provider never change: another provider is another inbox.
export class UpdateInboxDto {
  @ApiPropertyOptional({ example: 'تطبيق الجمعية' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ description: 'false refuses the inbox’s webhooks and web chat' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ example: 'https://app.example.org/wasl/callback', description: 'API channel: where replies are POSTed' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  callbackUrl?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'The channel settings, validated as at creation; they replace the stored ones. A credential (authToken, appSid, apiToken) ' +
      'given again replaces the sealed one; one left out is kept.',
  })
  @IsOptional()
  @IsObject()
  settings?: JsonObject;
}
