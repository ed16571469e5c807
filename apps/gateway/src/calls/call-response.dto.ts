import { CallDirection, CallView } from '@app/conversations';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.
export class CallResponse implements CallView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId: string | null;
  @ApiProperty({ enum: CallDirection, enumName: 'CallDirection' }) direction: CallDirection;
  @ApiProperty({ type: String, nullable: true }) callSid: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: "Twilio's call status for calls received, the officer's outcome for calls logged" }) status: string;
  @ApiProperty() missed: boolean;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ type: String, nullable: true }) recordingUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) transcription: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) loggedByUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: Date | null;
}

export class CallListResponse {
  @ApiProperty({ type: [CallResponse] }) items: CallResponse[];
}
