import { ReactNode } from 'react';

export type PillTone = 'ok' | 'warn' | 'bad' | 'neutral';

// A small label in colours that keep WCAG AA contrast (requests.css); Mantine's light and outline badges do not
// for orange and teal.
export function StatusPill({ tone, children, testId }: { tone: PillTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`status-pill status-pill-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
