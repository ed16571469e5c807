import { ApiException } from '@app/common';
import { ChannelSessionsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';

export class ChannelSessionResponse {
  @ApiProperty({ format: 'uuid' }) inboxId: string;
  @ApiProperty({ enum: ['pairing', 'connected', 'disconnected', 'logged-out', 'starting'] }) state: string;
  @ApiProperty({ type: String, nullable: true, description: "The pairing QR code's text while pairing" }) qr: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The paired number (E.164)' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The worker process driving it' }) drivenBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
}

// A paired-phone inbox's live session (WhatsApp through whatsapp-web.js): the QR code to scan while pairing, then the
// number and its state. Changes also arrive live on /agents as channel-session.updated (administrators, supervisors).
@ApiTags('inboxes')
@ApiBearerAuth()
@Roles(UserRole.Admin, UserRole.Supervisor)
@Controller('api/v1/inboxes/:id/session')
export class InboxSessionController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly sessions: ChannelSessionsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: ChannelSessionResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string): Promise<ChannelSessionResponse> {
    const inbox = await this.inboxes.findInOrganisation(user.organisationId, id);
    if (!inbox) throw ApiException.notFound('Inbox');
    const session = await this.sessions.find(user.organisationId, id);
    // No worker has started it yet.
    return session ?? { inboxId: id, state: 'starting', qr: null, phone: null, reason: null, drivenBy: null, updatedAt: null };
  }
}
