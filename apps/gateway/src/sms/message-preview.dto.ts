import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class MessagePreviewDto {
  @ApiProperty({ example: 'وعليكم السلام، تم استلام طلبك' }) @IsString() @MaxLength(10_000) text: string;
}

export class SmsLengthResponse {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'], description: 'Arabic text is UCS-2: 70 characters in one part, 67 per part once split' })
  encoding: 'GSM-7' | 'UCS-2';
  @ApiProperty({ description: 'Septets for GSM-7, UTF-16 code units for UCS-2' }) units: number;
  @ApiProperty() segments: number;
  @ApiProperty() unitsPerSegment: number;
  @ApiProperty() remainingInLastSegment: number;
  @ApiProperty({ description: 'SMS_MAX_PARTS' }) maxParts: number;
  @ApiProperty({ description: 'False when sending would be refused as too long' }) withinLimit: boolean;
}

export class MessagePreviewResponse {
  @ApiProperty() channel: string;
  @ApiProperty({ type: SmsLengthResponse, nullable: true, description: 'Null when replies on this channel are not SMS' })
  sms: SmsLengthResponse | null;
}
