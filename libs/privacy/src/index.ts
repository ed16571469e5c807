export * from './contact-export-html.util';
export * from './contact-privacy.service';
export * from './privacy.dto';
export * from './privacy.module';
export { RetentionMode } from './retention-policy.entity';
export * from './retention.service';
