import { ApiProperty } from '@nestjs/swagger';
import { ConversationResponse } from '../conversations/conversation-response.dto';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.
export class ContactIdentityResponse {
  @ApiProperty({ enum: ['phone', 'email', 'external'] }) kind: string;
  @ApiProperty() value: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The inbox an external id belongs to' })
  inboxId: string | null;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+966551234567' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ description: 'False while the number is only what someone typed into a form (a claim)' }) phoneVerified: boolean;
  @ApiProperty({ description: 'False while the address is only a claim' }) emailVerified: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mergedIntoId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] }) items: ContactResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ContactDetailResponse extends ContactResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/contacts/6f1c…/picture',
    description: 'The profile picture a channel shared (Messenger, Instagram), read with the staff session',
  })
  pictureUrl: string | null;
  @ApiProperty({ type: [ContactIdentityResponse], description: 'Identities a channel asserted (verified)' })
  identities: ContactIdentityResponse[];
  @ApiProperty({ type: [ConversationResponse], description: 'The conversations of this contact the caller may see' })
  conversations: ConversationResponse[];
}
