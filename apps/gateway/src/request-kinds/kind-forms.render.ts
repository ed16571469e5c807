import { escapeHtml, PageShell, renderPage, withLanguage } from '../requests/public-pages/public-pages.render';
import { KIND_FORM_TEXT } from './kind-forms.text';

export type KindFormName = 'volunteering' | 'feedback';

export interface KindFormInput {
  organisationId: string;
  form: KindFormName;
  token: string;
  typed: Record<string, string>;
  // Form field names with a problem, and the reason.
  problems: Map<string, string>;
  notice?: string;
}

interface FieldSpec {
  name: string;
  kind: 'text' | 'tel' | 'textarea' | 'select';
  required: boolean;
  options?: string[];
  hint?: string;
}

const FIELDS: Record<KindFormName, FieldSpec[]> = {
  volunteering: [
    { name: 'name', kind: 'text', required: true },
    { name: 'phone', kind: 'tel', required: true, hint: 'phoneHint' },
    { name: 'city', kind: 'text', required: false },
    { name: 'skills', kind: 'textarea', required: true },
    { name: 'availability', kind: 'select', required: true, options: ['weekdays', 'weekends', 'evenings'] },
    { name: 'motivation', kind: 'textarea', required: false },
  ],
  feedback: [
    { name: 'feedbackType', kind: 'select', required: true, options: ['suggestion', 'complaint'] },
    { name: 'name', kind: 'text', required: true },
    { name: 'phone', kind: 'tel', required: true, hint: 'phoneHint' },
    { name: 'details', kind: 'textarea', required: true },
  ],
};

export const KIND_FORM_FIELDS = FIELDS;

function field(spec: FieldSpec, input: KindFormInput, text: Record<string, string>): string {
  const value = input.typed[spec.name] ?? '';
  const problem = input.problems.get(spec.name);
  const common = `id="${spec.name}" name="${spec.name}"${spec.required ? ' required aria-required="true"' : ''}`;
  let control: string;
  if (spec.kind === 'textarea') control = `<textarea ${common} rows="4" dir="auto" maxlength="4000">${escapeHtml(value)}</textarea>`;
  else if (spec.kind === 'select')
    control = `<select ${common}><option value="">${escapeHtml(text.chooseOne)}</option>${(spec.options ?? [])
      .map((option) => `<option value="${option}"${option === value ? ' selected' : ''}>${escapeHtml(text[option])}</option>`)
      .join('')}</select>`;
  else if (spec.kind === 'tel')
    control = `<input type="tel" ${common} dir="ltr" inputmode="tel" autocomplete="tel" value="${escapeHtml(value)}">`;
  else control = `<input type="text" ${common} dir="auto" maxlength="200" value="${escapeHtml(value)}">`;
  return `<div class="field${problem ? ' invalid' : ''}"><label for="${spec.name}">${escapeHtml(text[spec.name])}${
    spec.required ? '<span class="required" aria-hidden="true">*</span>' : ''
  }${spec.hint ? `<span class="hint">${escapeHtml(text[spec.hint])}</span>` : ''}</label>${control}${
    problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''
  }</div>`;
}

export function renderKindForm(shell: PageShell, input: KindFormInput): string {
  const text = KIND_FORM_TEXT[shell.language];
  const title = input.form === 'volunteering' ? text.volunteeringTitle : text.feedbackTitle;
  const intro = input.form === 'volunteering' ? text.volunteeringIntro : text.feedbackIntro;
  const summary =
    input.problems.size > 0 || input.notice
      ? `<div class="alert" role="alert">${input.notice ? `<p>${escapeHtml(input.notice)}</p>` : ''}${
          input.problems.size > 0
            ? `<p>${escapeHtml(text.problemsTitle)}</p><ul>${[...input.problems.entries()]
                .map(([name, problem]) => `<li>${escapeHtml(text[name])}: ${escapeHtml(problem)}</li>`)
                .join('')}</ul>`
            : ''
        }</div>`
      : '';
  const action = withLanguage(`/forms/${input.organisationId}/${input.form}`, shell.language);
  return renderPage(
    shell,
    `<h1>${escapeHtml(title)}</h1>
<p class="intro">${escapeHtml(intro)}</p>
${summary}
<form method="post" action="${escapeHtml(action)}" class="card" novalidate>
<div class="honeypot" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="started" value="${escapeHtml(input.token)}">
${FIELDS[input.form].map((spec) => field(spec, input, text)).join('\n')}
<p class="hint">${escapeHtml(text.consent)}</p>
<div class="actions"><button type="submit">${escapeHtml(input.form === 'volunteering' ? text.submitVolunteering : text.submitFeedback)}</button></div>
</form>`,
  );
}

export interface KindThanksInput {
  token: string;
  form: KindFormName;
  phoneMasked: string | null;
  verified: boolean;
  flash: Array<{ kind: 'success' | 'alert'; text: string }>;
}

export function renderKindThanks(shell: PageShell, input: KindThanksInput): string {
  const text = KIND_FORM_TEXT[shell.language];
  const flash = input.flash
    .map((item) => `<div class="alert${item.kind === 'success' ? ' success' : ''}" role="status"><p>${escapeHtml(item.text)}</p></div>`)
    .join('');
  const verify = input.verified
    ? ''
    : `<section class="card"><form method="post" action="${escapeHtml(withLanguage(`/forms/k/${input.token}/verify`, shell.language))}">
<p>${escapeHtml(text.verifyIntro)} ${input.phoneMasked ? `<bdi dir="ltr">${escapeHtml(input.phoneMasked)}</bdi>` : ''}</p>
<div class="field"><label for="code">${escapeHtml(text.code)}</label><input type="text" id="code" name="code" dir="ltr" inputmode="numeric" maxlength="6" autocomplete="one-time-code"></div>
<div class="actions"><button type="submit">${escapeHtml(text.verify)}</button></div></form></section>`;
  return renderPage(
    shell,
    `<h1>${escapeHtml(text.thanksTitle)}</h1>${flash}<section class="card"><p>${escapeHtml(
      input.form === 'volunteering' ? text.receivedVolunteering : text.receivedFeedback,
    )}</p></section>${verify}`,
  );
}

// Links from the association's forms page (which the web-chat widget opens) to these two forms.
export function renderKindFormLinks(organisationId: string, language: 'ar' | 'en'): string {
  const text = KIND_FORM_TEXT[language];
  return `<section class="card"><h2>${escapeHtml(text.otherForms)}</h2><ul><li><a href="${escapeHtml(
    withLanguage(`/forms/${organisationId}/volunteering`, language),
  )}">${escapeHtml(text.volunteeringTitle)}</a></li><li><a href="${escapeHtml(
    withLanguage(`/forms/${organisationId}/feedback`, language),
  )}">${escapeHtml(text.feedbackTitle)}</a></li></ul></section>`;
}
