import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelTemplateRow } from './channel-template.entity';
import { ChannelTemplatesService } from './channel-templates.service';
import { InboxAccess } from './inbox-access.entity';
import { InboxAccessService } from './inbox-access.service';
import { Inbox } from './inbox.entity';
import { InboxesService } from './inboxes.service';

@Module({
  // Access lists name teams and users: identity answers whether they exist and who a team's members are.
  imports: [TypeOrmModule.forFeature([Inbox, InboxAccess, ChannelTemplateRow]), IdentityModule],
  providers: [InboxesService, InboxAccessService, ChannelTemplatesService],
  exports: [InboxesService, InboxAccessService, ChannelTemplatesService],
})
export class InboxesModule {}
