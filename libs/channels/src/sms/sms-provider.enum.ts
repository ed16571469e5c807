// Values are stored in inboxes.provider. A new provider is one folder under providers/ and one entry in
// SMS_PROVIDERS (sms-provider.registry.ts); the Record type makes a forgotten entry a compile error.
export enum SmsProvider {
  Twilio = 'twilio',
  Unifonic = 'unifonic',
  Taqnyat = 'taqnyat',
  // Sends nothing: logs the attempt, so Wasl runs without vendor keys.
  Log = 'log',
}
