import { useTranslation } from 'react-i18next';

// A request's state as a coloured label (requests.css), in the policy's words.
export function RequestStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <span className={`request-state request-state-${state}`} data-state={state}>
      {t(`requests.states.${state}`)}
    </span>
  );
}
