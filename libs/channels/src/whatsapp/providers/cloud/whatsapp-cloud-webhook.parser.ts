import { ApiException, FieldProblem } from '@app/common';
import { ChannelEvent, TemplateStatus } from '../../../channel-event.types';
import { AttachmentMetadata, InboundMessage } from '../../../channel-message.types';
import { DeliveryState } from '../../../delivery-status-update.types';
import { GraphErrorDetail, graphStatusFailure } from '../../../meta/graph-error.classifier';
import { phoneOfWhatsAppId } from '../../whatsapp-phone.util';

// The Cloud API's webhook body (reference/channels.md §4.3, §4.4): entry[].changes[] with `messages` values
// (messages, statuses) and `message_template_status_update` values. Meta batches and re-delivers for days; the
// intake de-duplicates messages by wamid and statuses only move forward.
type Json = Record<string, unknown>;

const STATES: Record<string, DeliveryState> = {
  sent: DeliveryState.Sent,
  delivered: DeliveryState.Delivered,
  read: DeliveryState.Read,
  // A voice note first played: read, as far as an officer is concerned.
  played: DeliveryState.Read,
  failed: DeliveryState.Failed,
};

const TEMPLATE_EVENTS: Record<string, TemplateStatus> = {
  APPROVED: 'approved',
  REINSTATED: 'approved',
  PENDING: 'pending',
  IN_APPEAL: 'pending',
  REJECTED: 'rejected',
  FLAGGED: 'paused',
  PAUSED: 'paused',
  DISABLED: 'disabled',
  PENDING_DELETION: 'disabled',
  DELETED: 'disabled',
};

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
// Not something a beneficiary said: reactions and system notices change nothing an officer must answer.
const IGNORED_TYPES = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

function objectOf(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string): undefined {
    this.list.push({ field, message });
    return undefined;
  }
}

export function parseWhatsAppCloudWebhook(body: unknown, phoneNumberId: string | undefined): ChannelEvent[] {
  const root = objectOf(body);
  const problems = new Problems();
  if (!root || root.object !== 'whatsapp_business_account') {
    throw ApiException.validation([{ field: 'object', message: 'must be "whatsapp_business_account"' }]);
  }
  if (!Array.isArray(root.entry)) throw ApiException.validation([{ field: 'entry', message: 'must be an array' }]);
  const events: ChannelEvent[] = [];
  root.entry.forEach((entryValue, entryIndex) => {
    const entry = objectOf(entryValue);
    listOf(entry?.changes).forEach((changeValue, changeIndex) => {
      const change = objectOf(changeValue);
      const value = objectOf(change?.value);
      const at = `entry.${entryIndex}.changes.${changeIndex}.value`;
      if (!change || !value) return problems.add(`entry.${entryIndex}.changes.${changeIndex}`, 'must have a value');
      if (change.field === 'message_template_status_update') return events.push(...templateStatus(value, at, problems));
      if (change.field !== 'messages') return;
      // One Meta app posts every number of the business account to the same URL: only this inbox's number counts.
      const metadata = objectOf(value.metadata);
      if (phoneNumberId && metadata?.phone_number_id !== undefined && String(metadata.phone_number_id) !== phoneNumberId) return;
      const names = contactNames(value.contacts);
      listOf(value.messages).forEach((message, index) => {
        const parsed = inboundMessage(objectOf(message), names, `${at}.messages.${index}`, problems);
        if (parsed) events.push({ type: 'message', message: parsed });
      });
      listOf(value.statuses).forEach((status, index) => {
        const parsed = statusUpdate(objectOf(status), `${at}.statuses.${index}`, problems);
        if (parsed) events.push(parsed);
      });
    });
  });
  if (problems.list.length > 0) throw ApiException.validation(problems.list);
  return events;
}

function contactNames(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const contact of listOf(contacts)) {
    const entry = objectOf(contact);
    const name = text(objectOf(entry?.profile)?.name);
    const waId = text(entry?.wa_id);
    if (waId && name) names.set(waId, name);
  }
  return names;
}

function sentAtOf(timestamp: unknown): string | undefined {
  const seconds = Number(timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined;
}

function inboundMessage(message: Json | undefined, names: Map<string, string>, at: string, problems: Problems): InboundMessage | undefined {
  if (!message) return problems.add(at, 'must be an object');
  const id = text(message.id);
  const from = text(message.from);
  const type = text(message.type) ?? '';
  if (!id) return problems.add(`${at}.id`, 'is required');
  const phone = phoneOfWhatsAppId(from);
  if (!phone) return problems.add(`${at}.from`, 'must be a WhatsApp id (an international number)');
  if (IGNORED_TYPES.has(type)) return undefined;
  const content = contentOf(type, message, at, problems);
  if (!content) return undefined;
  const waId = phone.slice(1);
  return {
    providerMessageId: id,
    sender: { phone, name: names.get(waId) ?? names.get(from ?? '') },
    text: content.text,
    attachments: content.attachments,
    sentAt: sentAtOf(message.timestamp),
  };
}

function contentOf(
  type: string,
  message: Json,
  at: string,
  problems: Problems,
): { text: string; attachments: AttachmentMetadata[] } | undefined {
  if (type === 'text') {
    const body = text(objectOf(message.text)?.body);
    return body ? { text: body, attachments: [] } : problems.add(`${at}.text.body`, 'is required');
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) {
    const media = objectOf(message[type]);
    const mediaId = text(media?.id);
    if (!media || !mediaId) return problems.add(`${at}.${type}.id`, 'is required');
    const attachment: AttachmentMetadata = { providerMediaId: mediaId };
    const mimeType = text(media.mime_type)?.split(';')[0].trim();
    if (mimeType) attachment.contentType = mimeType;
    const fileName = text(media.filename);
    if (fileName) attachment.fileName = fileName;
    if (type === 'audio' && media.voice === true) attachment.voice = true;
    return { text: text(media.caption) ?? '', attachments: [attachment] };
  }
  if (type === 'location') {
    const location = objectOf(message.location);
    const latitude = Number(location?.latitude);
    const longitude = Number(location?.longitude);
    if (!location || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      return problems.add(`${at}.location`, 'must have a latitude and a longitude');
    }
    const label = [text(location.name), text(location.address)].filter(Boolean).join(' — ');
    const link = `https://maps.google.com/?q=${latitude},${longitude}`;
    return { text: label ? `📍 ${label}\n${link}` : `📍 ${link}`, attachments: [] };
  }
  if (type === 'contacts') {
    const lines = listOf(message.contacts).map((contact) => {
      const entry = objectOf(contact);
      const name = text(objectOf(entry?.name)?.formatted_name) ?? '';
      const phones = listOf(entry?.phones)
        .map((phone) => text(objectOf(phone)?.phone))
        .filter(Boolean)
        .join('، ');
      return `👤 ${[name, phones].filter(Boolean).join(' ')}`.trim();
    });
    return lines.length > 0 ? { text: lines.join('\n'), attachments: [] } : problems.add(`${at}.contacts`, 'must list a contact');
  }
  if (type === 'button') {
    const title = text(objectOf(message.button)?.text);
    return title ? { text: title, attachments: [] } : problems.add(`${at}.button.text`, 'is required');
  }
  if (type === 'interactive') {
    const interactive = objectOf(message.interactive);
    const title = text(objectOf(interactive?.button_reply)?.title) ?? text(objectOf(interactive?.list_reply)?.title);
    return title ? { text: title, attachments: [] } : problems.add(`${at}.interactive`, 'must carry a button or list reply');
  }
  // Orders, unknown and unsupported types: the officer sees that something arrived and can ask.
  return { text: `[WhatsApp: ${type || 'unknown'} message]`, attachments: [] };
}

function statusUpdate(status: Json | undefined, at: string, problems: Problems): ChannelEvent | undefined {
  if (!status) return problems.add(at, 'must be an object');
  const id = text(status.id);
  const state = STATES[text(status.status) ?? ''];
  if (!id) return problems.add(`${at}.id`, 'is required');
  if (!state) return problems.add(`${at}.status`, `must be one of ${Object.keys(STATES).join(', ')}`);
  const failure = state === DeliveryState.Failed ? graphStatusFailure(listOf(status.errors) as GraphErrorDetail[]) : {};
  return {
    type: 'delivery-status',
    update: { providerMessageId: id, state, ...failure, occurredAt: sentAtOf(status.timestamp) },
  };
}

function templateStatus(value: Json, at: string, problems: Problems): ChannelEvent[] {
  const name = text(value.message_template_name);
  const status = TEMPLATE_EVENTS[text(value.event) ?? ''];
  if (!name) return problems.add(`${at}.message_template_name`, 'is required') ?? [];
  if (!status) return [];
  const reason = text(value.reason);
  return [
    {
      type: 'template-status',
      template: {
        name,
        language: text(value.message_template_language),
        status,
        reason: reason && reason !== 'NONE' ? reason.slice(0, 200) : undefined,
      },
    },
  ];
}
