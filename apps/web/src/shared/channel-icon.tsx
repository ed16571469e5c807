import { useTranslation } from 'react-i18next';

// Simple outline icons drawn here, so nothing is fetched from a CDN; none of them shows a direction.
const PATHS: Record<string, string> = {
  api: 'M4 5h16v11H4zM8 20h8M12 16v4',
  webchat: 'M4 5h16v10H9l-5 4z',
  sms: 'M7 3h10v18H7zM11 18h2',
  voice: 'M6 3l3 1 1 4-2 2a11 11 0 0 0 6 6l2-2 4 1 1 3-2 3C10 21 3 14 3 5z',
  whatsapp: 'M12 3a9 9 0 0 0-8 13l-1 5 5-1a9 9 0 1 0 4-17z',
  email: 'M3 6h18v12H3zM3 6l9 7 9-7',
  walk_in: 'M12 4a2 2 0 1 0 0 .1M9 21l2-7-2-3 3-4 3 4v5M12 14l3 7',
  internal: 'M4 20V8l8-4 8 4v12M9 20v-6h6v6',
  web_form: 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h3',
};

export function ChannelIcon({ channel, size = 18 }: { channel: string; size?: number }) {
  const { t } = useTranslation();
  const label = t(`channels.${channel}`, { defaultValue: channel });
  return (
    <svg className="channel-icon" width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={label}>
      <title>{label}</title>
      <path
        d={PATHS[channel] ?? PATHS.api}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
