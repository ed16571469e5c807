import { InboundMessage } from './channel-message.types';
import { DeliveryStatusUpdate } from './delivery-status-update.types';

// What a verified webhook means, in Wasl's words. The gateway's pipeline hands these to the intake in order;
// a definition never writes anything itself.
export type ChannelEvent =
  | { type: 'message'; message: InboundMessage }
  | { type: 'delivery-status'; update: DeliveryStatusUpdate }
  | { type: 'call-started'; call: CallEvent }
  | { type: 'call-dialled'; providerCallId: string; outcome: DialOutcome }
  | { type: 'voicemail'; providerCallId: string; recording: CallRecording }
  | { type: 'transcription'; transcription: CallTranscription }
  | { type: 'call-status'; call: CallEvent }
  | { type: 'template-status'; template: TemplateStatusChange };

// The provider approved, rejected, paused or disabled one of the inbox's message templates (WhatsApp).
export interface TemplateStatusChange {
  name: string;
  language?: string;
  status: TemplateStatus;
  reason?: string;
}

export type TemplateStatus = 'approved' | 'pending' | 'rejected' | 'paused' | 'disabled';

export interface CallEvent {
  // The provider's id of the call (Twilio's CallSid): the call row's key and its timeline message's.
  providerCallId: string;
  from: string;
  to: string;
  status?: string;
  durationSeconds?: number;
}

export interface DialOutcome {
  // An officer talked to the caller; anything else is a missed call.
  answered: boolean;
  dialStatus: string;
  durationSeconds?: number;
}

export interface CallRecording {
  recordingId: string;
  recordingUrl: string;
  durationSeconds?: number;
}

export interface CallTranscription {
  transcriptionId: string;
  recordingId?: string;
  text: string;
  completed: boolean;
}
