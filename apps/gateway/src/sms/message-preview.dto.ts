import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class MessagePreviewDto {
  @ApiProperty({ example: 'وعليكم السلام، تم استلام طلبك' }) @IsString() @MaxLength(10_000) text: string;
}
