export * from './channel-templates.service';
export * from './create-inbox.dto';
export * from './inbox-access-sql.util';
export * from './inbox-access.service';
export * from './inboxes.module';
export * from './inboxes.service';
export * from './update-inbox.dto';
