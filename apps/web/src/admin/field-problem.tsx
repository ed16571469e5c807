import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { problemTextOf } from './field-problem.util';

// A field's problem from the API, in the interface's words when known; the server's own otherwise (dir=auto:
// those are English).
export function FieldProblem({ message }: { message: string }) {
  const { t, i18n } = useTranslation();
  const known = problemTextOf(message);
  return (
    <span dir="auto" data-server-message={message}>
      {known ? t(known.key, { limit: formatInteger(known.count ?? 0, i18n.language as UiLanguage) }) : message}
    </span>
  );
}
