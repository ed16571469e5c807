import { ChannelKind, findChannelDefinition } from '@app/channels';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles, TeamsService, UserRole, UsersService } from '@app/identity';
import { InboxAccessService, InboxesService } from '@app/inboxes';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';

export class DirectoryUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role: UserRole;
}

export class DirectoryTeamResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'A branch office (مكتب فرعي)' }) isBranch: boolean;
}

export class DirectoryInboxResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: ChannelKind;
  @ApiProperty() active: boolean;
  @ApiProperty({
    enum: ['phone', 'email', 'visit'],
    nullable: true,
    description:
      'How staff start a conversation here (POST /api/v1/conversations): write to a number or an address, or record a walk-in visit; null where only the beneficiary starts',
  })
  startsWith: 'phone' | 'email' | 'visit' | null;
}

// What the inbox's channel definition allows staff to start with.
function startsWithOf(channel: ChannelKind, provider: string | null): DirectoryInboxResponse['startsWith'] {
  const outreach = findChannelDefinition(channel, provider)?.outreach;
  if (!outreach) return null;
  return outreach.mode === 'record' ? 'visit' : outreach.recipient;
}

export class StaffDirectoryResponse {
  @ApiProperty({ type: [DirectoryUserResponse], description: 'Active staff a conversation can be assigned to' })
  users: DirectoryUserResponse[];
  @ApiProperty({ type: [DirectoryTeamResponse] }) teams: DirectoryTeamResponse[];
  @ApiProperty({ type: [DirectoryInboxResponse], description: 'The inboxes whose conversations the caller may see' })
  inboxes: DirectoryInboxResponse[];
}

// Names, not records: what an officer needs to assign a conversation, filter the inbox and read who did what in a
// timeline. E-mail addresses, settings and access lists stay on the administrators' routes.
@ApiTags('directory')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/staff-directory')
export class StaffDirectoryController {
  constructor(
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly inboxes: InboxesService,
    private readonly access: InboxAccessService,
  ) {}

  @Get()
  @ApiOkResponse({ type: StaffDirectoryResponse })
  async directory(@CurrentUser() user: AuthenticatedUser): Promise<StaffDirectoryResponse> {
    const [users, teams, inboxes] = await Promise.all([
      this.users.list(user.organisationId),
      this.teams.list(user.organisationId),
      this.visibleInboxes(user),
    ]);
    return {
      users: users.filter((member) => member.active && INBOX_ROLES.includes(member.role)).map(({ id, name, role }) => ({ id, name, role })),
      teams: teams.map(({ id, name, isBranch }) => ({ id, name, isBranch })),
      inboxes,
    };
  }

  // The same rule as the conversations (purpose-bound access): overseers see every inbox, officers those whose access
  // list names them or their team, researchers none (they see only what is assigned to them).
  private async visibleInboxes(user: AuthenticatedUser): Promise<DirectoryInboxResponse[]> {
    const all = await this.inboxes.list(user.organisationId);
    const toEntry = ({ id, name, channel, provider, active }: (typeof all)[number]) => ({
      id,
      name,
      channel,
      active,
      startsWith: startsWithOf(channel, provider),
    });
    if (user.role === UserRole.Admin || user.role === UserRole.Supervisor) return all.map(toEntry);
    if (user.role !== UserRole.Officer) return [];
    const visible = new Set(await this.access.inboxIdsVisibleTo(user.organisationId, user.id));
    return all.filter((inbox) => visible.has(inbox.id)).map(toEntry);
  }
}
