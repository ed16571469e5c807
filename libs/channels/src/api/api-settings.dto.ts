import { IsUrl } from 'class-validator';

// The association's app: where Wasl posts officers' replies (signed with the inbox secret).
export class ApiChannelSettingsDto {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) callbackUrl: string;
}
