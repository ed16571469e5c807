// The channel layer's public face: the definitions' contract and registry, the events webhooks are parsed into,
// and the few channel helpers the gateway's transports need (web chat's socket protocol, signatures for tests and
// the sandbox). Vendor folders are reached only through their definitions.
export * from './api/api-channel.adapter';
export * from './attachment-rule.util';
export * from './channel-definition';
export * from './channel-definition-view.util';
export * from './channel-definitions.check';
export * from './channel-error';
export * from './channel-event.types';
export * from './channel-kind.enum';
export * from './channel-message.types';
export * from './channel-settings-form.types';
export * from './channel-settings-form.util';
export * from './channel-settings.util';
export * from './channel.registry';
export * from './delivery-status-update.types';
export * from './outbound-channel.adapter';
export * from './sms/providers/twilio/twilio-signature.util';
export * from './sms/sms-segment.util';
export * from './webchat/webchat-attachment-type.util';
export * from './webchat/webchat-channel.adapter';
export * from './webchat/webchat-identifier-hash.util';
export * from './webchat/webchat-offline-reply.util';
export * from './webchat/webchat-settings.dto';
export * from './webchat/webchat-visitor-room.util';
export * from './webchat/webchat-visitor-token.util';
export * from './webhooks/webhook-url.util';
export * from './working-hours/working-hours-defaults.util';
export * from './working-hours/working-hours.dto';
export * from './working-hours/working-hours.util';
export * from './whatsapp/providers/web/replay-whatsapp.client';
