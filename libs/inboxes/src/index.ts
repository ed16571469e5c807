export * from './create-inbox.dto';
export * from './inbox-access.entity';
export * from './inbox-access.service';
export * from './inbox.entity';
export * from './inboxes.module';
export * from './inboxes.service';
export * from './update-inbox.dto';
