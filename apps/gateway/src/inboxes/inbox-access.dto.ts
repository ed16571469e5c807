import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

// The whole access list of an inbox; it replaces the previous one.
export class ReplaceInboxAccessDto {
  @ApiProperty({ type: [String], description: 'Teams whose officers see the inbox’s conversations' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  teamIds: string[];

  @ApiProperty({ type: [String], description: 'Officers who see the inbox’s conversations' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  userIds: string[];
}

// Response shape for the OpenAPI document; never instantiated.
export class InboxAccessResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) teamIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) userIds: string[];
}
