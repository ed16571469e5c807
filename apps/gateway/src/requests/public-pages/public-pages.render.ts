import { FieldProblem } from '@app/common';
import {
  ChecklistItem,
  FieldDefinition,
  FieldKind,
  formatNoticeDate,
  HouseholdRow,
  RequestForm,
  RequestState,
  RequestTypeView,
  RequestValues,
  riyadhDate,
  STATE_FOR_BENEFICIARY,
} from '@app/requests';
import { fill, PAGE_TEXT, PageLanguage, PageText } from './public-pages.text';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Everything that came from a person or from an administrator's configuration passes through here.
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// Fields shown left to right whatever the page's direction: numbers people copy digit by digit.
const LEFT_TO_RIGHT_KINDS = new Set([FieldKind.NationalId, FieldKind.Iban, FieldKind.Phone, FieldKind.Number]);
// Rows of household members on the form; the script reveals them one by one, without it four are shown.
const HOUSEHOLD_ROWS = 10;
const HOUSEHOLD_ROWS_WITHOUT_SCRIPT = 4;

export interface PageShell {
  language: PageLanguage;
  organisationName: string;
  title: string;
  // The same page in the other language.
  switchHref: string;
}

export function renderPage(shell: PageShell, body: string): string {
  const text = PAGE_TEXT[shell.language];
  const direction = shell.language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${shell.language}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(shell.title)} · ${escapeHtml(shell.organisationName)}</title>
<link rel="stylesheet" href="/forms/assets/forms.css">
<script src="/forms/assets/forms.js" defer></script>
</head>
<body>
<header class="page-header"><a class="language" href="${escapeHtml(shell.switchHref)}" lang="${text.switchLanguageCode}">${text.switchLanguage}</a><p class="organisation"><bdi>${escapeHtml(shell.organisationName)}</bdi></p></header>
<main>
${body}
</main>
<footer class="page-footer">${escapeHtml(text.footer)}</footer>
</body>
</html>`;
}

export function withLanguage(path: string, language: PageLanguage): string {
  return language === 'ar' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

function label(definition: { labelAr: string; labelEn: string }, language: PageLanguage): string {
  return language === 'ar' ? definition.labelAr : definition.labelEn;
}

function typeName(type: { nameAr: string; nameEn: string }, language: PageLanguage): string {
  return language === 'ar' ? type.nameAr : type.nameEn;
}

function problemText(reason: string, text: PageText, language: PageLanguage): string {
  const arabic: Record<string, string> = { required: text.required, mobile: text.invalidPhone };
  return arabic[reason] ?? (language === 'ar' ? 'قيمة غير صحيحة' : 'not a valid value');
}

// `more` is trusted HTML placed after the list (the links to the volunteering and feedback forms).
export function renderTypesPage(shell: PageShell, organisationId: string, types: RequestTypeView[], more = ''): string {
  const text = PAGE_TEXT[shell.language];
  const items = types
    .map(
      (type) =>
        `<li><a href="${escapeHtml(withLanguage(`/forms/${organisationId}/${type.id}`, shell.language))}">${escapeHtml(typeName(type, shell.language))}</a></li>`,
    )
    .join('');
  return renderPage(
    shell,
    `<h1>${escapeHtml(text.typesTitle)}</h1><section class="card"><p class="intro">${escapeHtml(text.typesIntro)}</p>${
      types.length > 0 ? `<ul>${items}</ul>` : `<p>${escapeHtml(text.noTypes)}</p>`
    }</section>${more}`,
  );
}

function inputFor(field: FieldDefinition, name: string, value: string, language: PageLanguage, text: PageText): string {
  const id = name.replaceAll('.', '-');
  const common = `id="${id}" name="${escapeHtml(name)}"${field.required ? ' required aria-required="true"' : ''}`;
  if (field.kind === FieldKind.Choice) {
    const options = (field.options ?? [])
      .map(
        (option) =>
          `<option value="${escapeHtml(option.value)}"${option.value === value ? ' selected' : ''}>${escapeHtml(label(option, language))}</option>`,
      )
      .join('');
    return `<select ${common}><option value="">${escapeHtml(text.chooseOne)}</option>${options}</select>`;
  }
  const type = field.kind === FieldKind.Date ? 'date' : field.kind === FieldKind.Phone ? 'tel' : 'text';
  const extra = LEFT_TO_RIGHT_KINDS.has(field.kind) ? ' dir="ltr" inputmode="numeric"' : field.kind === FieldKind.Text ? ' dir="auto"' : '';
  const iban = field.kind === FieldKind.Iban ? ' dir="ltr" autocapitalize="characters" spellcheck="false"' : '';
  return `<input type="${type}" ${common} value="${escapeHtml(value)}"${field.kind === FieldKind.Iban ? iban : extra}${field.kind === FieldKind.NationalId ? ' maxlength="10"' : ''} autocomplete="off">`;
}

function fieldBlock(
  field: FieldDefinition,
  name: string,
  value: string,
  problems: Map<string, string>,
  language: PageLanguage,
  text: PageText,
): string {
  const id = name.replaceAll('.', '-');
  const problem = problems.get(name);
  return `<div class="field${problem ? ' invalid' : ''}"><label for="${id}">${escapeHtml(label(field, language))}${
    field.required ? `<span class="required" aria-hidden="true">*</span>` : ''
  }</label>${inputFor(field, name, value, language, text)}${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''}</div>`;
}

export interface FormPageInput {
  organisationId: string;
  type: RequestTypeView;
  token: string;
  // What was typed, by form field name, when the page is shown again with problems.
  typed: Record<string, string>;
  problems: FieldProblem[];
  notice?: string;
}

export function renderFormPage(shell: PageShell, input: FormPageInput): string {
  const text = PAGE_TEXT[shell.language];
  const language = shell.language;
  // Problems arrive as API paths (values.household.1.name) or form names (name, phone): both become form names.
  const problems = new Map<string, string>();
  for (const problem of input.problems) {
    const name = problem.field === 'name' || problem.field === 'phone' ? problem.field : problem.field.replace(/^values\./, 'v.');
    problems.set(
      name,
      problem.field === 'name'
        ? text.invalidName
        : problem.field === 'phone'
          ? text.invalidPhone
          : problemText(problem.message, text, language),
    );
  }
  const typed = (name: string) => input.typed[name] ?? '';
  const fields = input.type.form.fields
    .map((field) => {
      if (field.kind !== FieldKind.Household) return fieldBlock(field, `v.${field.key}`, typed(`v.${field.key}`), problems, language, text);
      const groupId = `group-${field.key}`;
      const rows = Array.from({ length: HOUSEHOLD_ROWS }, (_, index) => {
        const filled = (field.fields ?? []).some((subField) => typed(`v.${field.key}.${index}.${subField.key}`));
        const hidden = index >= HOUSEHOLD_ROWS_WITHOUT_SCRIPT && !filled ? ' hidden' : '';
        const cells = (field.fields ?? [])
          .map((subField) => {
            const name = `v.${field.key}.${index}.${subField.key}`;
            // A member's sub-fields are required only once the member is given at all.
            return fieldBlock({ ...subField, required: false }, name, typed(name), problems, language, text);
          })
          .join('');
        const title = `${text.household} ${language === 'ar' ? (index + 1).toLocaleString('ar-SA') : index + 1}`;
        return `<div class="member" role="group" aria-label="${escapeHtml(title)}"${hidden}><p class="member-title" aria-hidden="true">${escapeHtml(title)}</p>${cells}</div>`;
      }).join('');
      return `<fieldset id="${groupId}"><legend>${escapeHtml(label(field, language))}${field.required ? '<span class="required" aria-hidden="true">*</span>' : ''}</legend>${rows}<button type="button" class="secondary" data-add-member="${groupId}" hidden>${escapeHtml(text.addMember)}</button></fieldset>`;
    })
    .join('\n');
  const documents = input.type.form.documents.length
    ? `<p>${escapeHtml(text.documentsNote)}</p><ul>${input.type.form.documents
        .map((document) => `<li>${escapeHtml(label(document, language))}${document.required ? '' : ` (${escapeHtml(text.optional)})`}</li>`)
        .join('')}</ul>`
    : '';
  const summary =
    problems.size > 0 || input.notice
      ? `<div class="alert" role="alert">${input.notice ? `<p>${escapeHtml(input.notice)}</p>` : ''}${
          problems.size > 0
            ? `<p>${escapeHtml(text.problemsTitle)}</p><ul>${[...problems.values()].map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`
            : ''
        }</div>`
      : '';
  const action = withLanguage(`/forms/${input.organisationId}/${input.type.id}`, language);
  return renderPage(
    shell,
    `<h1>${escapeHtml(typeName(input.type, language))}</h1>
<p class="intro">${escapeHtml(text.formIntro)}</p>
${summary}
<form method="post" action="${escapeHtml(action)}" class="card" novalidate>
<div class="honeypot" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="started" value="${escapeHtml(input.token)}">
${fieldBlock({ key: 'name', labelAr: text.name, labelEn: text.name, kind: FieldKind.Text, required: true }, 'name', typed('name'), problems, language, text)}
<div class="field${problems.has('phone') ? ' invalid' : ''}"><label for="phone">${escapeHtml(text.phone)}<span class="required" aria-hidden="true">*</span><span class="hint">${escapeHtml(text.phoneHint)}</span></label><input type="tel" id="phone" name="phone" dir="ltr" inputmode="tel" autocomplete="tel" required aria-required="true" value="${escapeHtml(typed('phone'))}">${problems.has('phone') ? `<p class="problem" role="alert">${escapeHtml(text.invalidPhone)}</p>` : ''}</div>
${fields}
${documents}
<p class="hint">${escapeHtml(text.consent)}</p>
<div class="actions"><button type="submit">${escapeHtml(text.submit)}</button></div>
</form>`,
  );
}

function stepOf(state: RequestState): number {
  switch (state) {
    case RequestState.Draft:
      return 1;
    case RequestState.Referred:
    case RequestState.InResearch:
      return 2;
    case RequestState.Researched:
      return 3;
    case RequestState.AtCommittee:
    case RequestState.InformationRequested:
    case RequestState.Rejected:
      return 4;
    case RequestState.Approved:
      return 5;
    case RequestState.Registered:
      return 6;
    case RequestState.Closed:
      return 7;
  }
}

export interface RequestPageInput {
  token: string;
  number: number;
  type: { nameAr: string; nameEn: string };
  state: RequestState;
  createdAt: Date;
  answerDueOn: string | null;
  phoneMasked: string | null;
  phoneVerified: boolean;
  form: RequestForm;
  documentItems: ChecklistItem[];
  canUpload: boolean;
  flash: Array<{ kind: 'success' | 'alert'; text: string }>;
}

function flashes(input: { flash: RequestPageInput['flash'] }): string {
  return input.flash
    .map(
      (item) =>
        `<div class="alert${item.kind === 'success' ? ' success' : ''}" role="${item.kind === 'alert' ? 'alert' : 'status'}">${escapeHtml(item.text)}</div>`,
    )
    .join('');
}

export function renderRequestPage(shell: PageShell, input: RequestPageInput): string {
  const text = PAGE_TEXT[shell.language];
  const language = shell.language;
  const base = `/forms/r/${input.token}`;
  const step = stepOf(input.state);
  const steps = text.steps
    .map((name, index) => {
      const state = index < step || input.state === RequestState.Closed ? 'done' : index === step ? 'current' : '';
      return `<li class="${state}"${state === 'current' ? ' aria-current="step"' : ''}>${escapeHtml(name)}</li>`;
    })
    .join('');
  const verify = input.phoneVerified
    ? ''
    : `<section class="card"><h2>${escapeHtml(text.verifyTitle)}</h2><p>${escapeHtml(text.verifyIntro)}</p>${
        input.phoneMasked ? `<p>${escapeHtml(text.codeSentTo)} <bdi dir="ltr">${escapeHtml(input.phoneMasked)}</bdi></p>` : ''
      }<form method="post" action="${escapeHtml(withLanguage(`${base}/verify`, language))}"><div class="field"><label for="code">${escapeHtml(text.code)}</label><input type="text" id="code" name="code" dir="ltr" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required></div><div class="actions"><button type="submit">${escapeHtml(text.verify)}</button></div></form><form method="post" action="${escapeHtml(withLanguage(`${base}/code`, language))}" class="actions"><button type="submit" class="secondary">${escapeHtml(text.resend)}</button></form></section>`;
  const documents = input.form.documents
    .map((document) => {
      const item = input.documentItems.find((candidate) => candidate.key === document.key);
      const status = !item || item.status === 'ok' ? (item && item.status === 'ok' && !document.required ? '' : 'ok') : item.status;
      const statusText =
        item?.status === 'missing'
          ? text.missing
          : item?.status === 'expired'
            ? text.expired
            : item?.status === 'invalid'
              ? text.missing
              : document.required || status === 'ok'
                ? text.uploaded
                : text.optional;
      const upload = input.canUpload
        ? `<form class="upload" data-upload method="post" action="${escapeHtml(`${base}/documents/${document.key}`)}" data-choose="${escapeHtml(text.chooseFile)}" data-too-large="${escapeHtml(text.tooLarge)}" data-sending="${escapeHtml(text.sending)}" data-failed="${escapeHtml(text.uploadFailed)}" data-script-only hidden>
<label>${escapeHtml(label(document, language))}<input type="file" name="file" accept="image/png,image/jpeg,application/pdf"></label>${
            document.hasExpiry ? `<label>${escapeHtml(text.expiresOn)}<input type="date" name="expiresOn"></label>` : ''
          }<button type="submit" class="secondary">${escapeHtml(text.upload)}</button><span data-upload-status role="status"></span></form>`
        : '';
      return `<li><strong>${escapeHtml(label(document, language))}</strong><span class="document-status ${item?.status === 'ok' ? 'ok' : 'missing'}">${escapeHtml(statusText)}</span>${upload}</li>`;
    })
    .join('');
  const documentsCard = input.form.documents.length
    ? `<section class="card"><h2>${escapeHtml(text.documentsTitle)}</h2><ul class="documents">${documents}</ul>${
        input.canUpload ? `<p class="needs-script" data-needs-script>${escapeHtml(text.needsScript)}</p>` : ''
      }</section>`
    : '';
  return renderPage(
    shell,
    `<h1>${escapeHtml(fill(text.requestTitle, { number: input.number }))} — <bdi>${escapeHtml(typeName(input.type, language))}</bdi></h1>
${flashes(input)}
<section class="card"><dl class="data"><dt>${escapeHtml(text.stateLabel)}</dt><dd class="state">${escapeHtml(STATE_FOR_BENEFICIARY[input.state][language])}</dd><dt>${escapeHtml(text.filedOn)}</dt><dd>${escapeHtml(formatNoticeDate(riyadhDate(input.createdAt), language))}</dd>${
      input.answerDueOn && (input.state === RequestState.AtCommittee || input.state === RequestState.InformationRequested)
        ? `<dt>${escapeHtml(text.answerBy)}</dt><dd>${escapeHtml(formatNoticeDate(input.answerDueOn, language))}</dd>`
        : ''
    }</dl></section>
${verify}
${documentsCard}
<section class="card"><h2>${escapeHtml(text.stepsTitle)}</h2><ol class="steps">${steps}</ol></section>`,
  );
}

function valueText(field: FieldDefinition, value: string, language: PageLanguage): string {
  if (field.kind === FieldKind.Choice) {
    const option = field.options?.find((candidate) => candidate.value === value);
    return option ? label(option, language) : value;
  }
  if (field.kind === FieldKind.Date && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatNoticeDate(value, language);
  return value;
}

function valueCell(field: FieldDefinition, value: string, language: PageLanguage): string {
  const shown = escapeHtml(valueText(field, value, language));
  return LEFT_TO_RIGHT_KINDS.has(field.kind) || field.kind === FieldKind.Iban ? `<bdi dir="ltr">${shown}</bdi>` : `<bdi>${shown}</bdi>`;
}

export interface AttestPageInput {
  token: string;
  number: number;
  type: { nameAr: string; nameEn: string };
  form: RequestForm;
  values: RequestValues;
  documents: Array<{ documentKey: string; fileName: string }>;
  // The request is in a step where it may be attested, and not attested yet as it is now.
  canAttest: boolean;
  attestedAt: Date | null;
  flash: Array<{ kind: 'success' | 'alert'; text: string }>;
}

export function renderAttestPage(shell: PageShell, input: AttestPageInput): string {
  const text = PAGE_TEXT[shell.language];
  const language = shell.language;
  const data = input.form.fields
    .map((field) => {
      const value = input.values[field.key];
      if (field.kind === FieldKind.Household) {
        const rows = Array.isArray(value) ? (value as HouseholdRow[]) : [];
        if (rows.length === 0) return `<dt>${escapeHtml(label(field, language))}</dt><dd>—</dd>`;
        const head = (field.fields ?? []).map((subField) => `<th scope="col">${escapeHtml(label(subField, language))}</th>`).join('');
        const body = rows
          .map(
            (row) =>
              `<tr>${(field.fields ?? []).map((subField) => `<td>${row[subField.key] ? valueCell(subField, row[subField.key], language) : '—'}</td>`).join('')}</tr>`,
          )
          .join('');
        return `<dt>${escapeHtml(label(field, language))}</dt><dd><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></dd>`;
      }
      return `<dt>${escapeHtml(label(field, language))}</dt><dd>${typeof value === 'string' ? valueCell(field, value, language) : '—'}</dd>`;
    })
    .join('');
  const documents = input.documents
    .map((document) => {
      const definition = input.form.documents.find((candidate) => candidate.key === document.documentKey);
      return `<li>${escapeHtml(definition ? label(definition, language) : document.documentKey)}: <bdi>${escapeHtml(document.fileName)}</bdi></li>`;
    })
    .join('');
  const form = input.canAttest
    ? `<form method="post" action="${escapeHtml(withLanguage(`/forms/r/${input.token}/attest`, language))}" class="card">
<p class="checkbox"><input type="checkbox" id="confirm" name="confirm" value="yes" required><label for="confirm" class="statement">${escapeHtml(text.attestStatement)}</label></p>
<div class="field"><label for="code">${escapeHtml(text.code)}</label><input type="text" id="code" name="code" dir="ltr" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required></div>
<div class="actions"><button type="submit">${escapeHtml(text.attestConfirm)}</button></div></form>`
    : '';
  return renderPage(
    shell,
    `<h1>${escapeHtml(text.attestTitle)}</h1>
<p><bdi>${escapeHtml(fill(text.requestTitle, { number: input.number }))} — ${escapeHtml(typeName(input.type, language))}</bdi></p>
${flashes(input)}
${input.canAttest ? `<p class="intro">${escapeHtml(text.attestIntro)}</p>` : ''}
<section class="card"><h2>${escapeHtml(text.dataTitle)}</h2><dl class="data">${data}</dl>${
      documents ? `<h2>${escapeHtml(text.documentsAttested)}</h2><ul>${documents}</ul>` : ''
    }</section>
${form}`,
  );
}
