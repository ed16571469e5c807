import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class MessagePreviewDto {
  @ApiProperty({ example: 'وعليكم السلام، تم استلام طلبك' }) @IsString() @MaxLength(10_000) text: string;
}

export class SmsLengthResponse {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] }) encoding: 'GSM-7' | 'UCS-2';
  @ApiProperty({ description: 'Septets (GSM-7) or UTF-16 code units (UCS-2): what the carrier counts' }) units: number;
  @ApiProperty() segments: number;
  @ApiProperty() unitsPerSegment: number;
  @ApiProperty() remainingInLastSegment: number;
  @ApiProperty({ description: 'SMS_MAX_PARTS' }) maxParts: number;
  @ApiProperty({ description: 'false: sending would be refused' }) withinLimit: boolean;
}

export class MessagePreviewResponse {
  @ApiProperty() channel: string;
  @ApiProperty({ type: SmsLengthResponse, nullable: true, description: 'null where replies are not counted in SMS parts' })
  sms: SmsLengthResponse | null;
}
