import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';

export class ReplyWindowResponse {
  @ApiProperty({ description: 'Free text may be sent now' }) open: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When free text stops (or stopped) being allowed' })
  closesAt: Date | null;
  @ApiProperty({ enum: ['template', 'nothing'], description: 'What can still be sent once it is closed' })
  whenClosed: 'template' | 'nothing';
}

export class ChannelTemplateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'ar' }) language: string;
  @ApiProperty({ example: 'UTILITY' }) category: string;
  @ApiProperty({ enum: ['approved', 'pending', 'rejected', 'paused', 'disabled'] }) status:
    'approved' | 'pending' | 'rejected' | 'paused' | 'disabled';
  @ApiProperty({ description: 'With {{1}}, {{2}}… placeholders' }) body: string;
  @ApiProperty({ type: String, nullable: true }) header: string | null;
  @ApiProperty({ type: String, nullable: true }) footer: string | null;
  @ApiProperty() parameterCount: number;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) syncedAt: Date;
}

export class ReplyOptionsResponse {
  @ApiProperty({ type: ReplyWindowResponse, nullable: true, description: 'null where replies are always allowed' })
  window: ReplyWindowResponse | null;
  @ApiProperty({ type: [ChannelTemplateResponse], description: "The inbox's approved templates" })
  templates: ChannelTemplateResponse[];
}

export class TemplateReplyDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() templateId: string;
  @ApiProperty({ type: [String], description: 'The values of {{1}}, {{2}}… in order' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  parameters: string[];
}

export class TemplateSyncResponse {
  @ApiProperty() queued: boolean;
}
