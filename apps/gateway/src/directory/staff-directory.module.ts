import { IdentityModule } from '@app/identity';
import { InboxesModule } from '@app/inboxes';
import { Module } from '@nestjs/common';
import { StaffDirectoryController } from './staff-directory.controller';

@Module({ imports: [IdentityModule, InboxesModule], controllers: [StaffDirectoryController] })
export class StaffDirectoryModule {}
