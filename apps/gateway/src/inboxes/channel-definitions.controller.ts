import { channelDefinitionViews } from '@app/channels';
import { WaslConfig } from '@app/config';
import { Roles, UserRole } from '@app/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelDefinitionResponse } from './channel-definition-response.dto';

// The channels this build speaks, as the administrator's inbox form draws them: each provider's settings fields
// with their labels, its webhook URLs and what it can do. The staff app has no per-provider code.
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/channel-definitions')
export class ChannelDefinitionsController {
  private readonly definitions: ChannelDefinitionResponse[];

  constructor(config: WaslConfig) {
    // The registry is fixed for the life of the process.
    this.definitions = channelDefinitionViews(config.http.publicUrl);
  }

  // Supervisors read the inbox list too, which names each inbox's provider from here.
  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [ChannelDefinitionResponse] })
  list(): ChannelDefinitionResponse[] {
    return this.definitions;
  }
}
