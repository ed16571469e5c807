// The public pages' only stylesheet, served as a file (/forms/assets/forms.css) so the pages need no inline style.
// Logical properties only: the same rules lay out Arabic right to left and English left to right. Phone first.
export const PUBLIC_FORMS_STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none !important}
html{font-family:system-ui,"Segoe UI",Tahoma,"Noto Naskh Arabic",sans-serif;color:#1f2937;background:#f4f6f5;line-height:1.7;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:#0f5f57}
.page-header{background:#134e4a;color:#fff;padding-block:18px;padding-inline:16px}
.page-header .organisation{margin:0;font-size:1.05rem;font-weight:600}
.page-header .language{color:#fff;font-size:.9rem;float:inline-end}
main{max-width:720px;margin-inline:auto;padding-block:8px 40px;padding-inline:12px}
h1{font-size:1.35rem;margin-block:18px 6px}
h2{font-size:1.1rem;margin-block:0 10px}
.card{background:#fff;border-radius:12px;padding:16px;margin-block:14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.intro{color:#374151}
.field{margin-block:0 14px}
.field label,.field .label{display:block;font-weight:600;margin-block-end:4px}
.required{color:#9f1239;margin-inline-start:4px}
.hint{display:block;color:#4b5563;font-size:.88rem;font-weight:400}
input[type=text],input[type=tel],input[type=date],input[type=number],select,textarea{width:100%;font:inherit;padding:10px 12px;border:1px solid #9ca3af;border-radius:8px;background:#fff;color:inherit;min-height:44px}
input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #f59e0b;outline-offset:2px}
input[dir=ltr]{text-align:end}
[dir=ltr] input[dir=ltr]{text-align:start}
.invalid input,.invalid select{border-color:#9f1239;border-width:2px}
.problem{color:#9f1239;font-size:.9rem;margin-block-start:4px}
.alert{border-radius:10px;padding:12px 14px;margin-block:14px;background:#fef2f2;color:#7f1d1d;border:1px solid #fecaca}
.alert ul{margin-block:6px 0;padding-inline-start:20px}
.success{background:#ecfdf5;color:#064e3b;border-color:#a7f3d0}
fieldset{border:1px solid #d1d5db;border-radius:10px;padding:10px 12px;margin-block:0 12px}
legend{font-weight:600;padding-inline:6px}
.member{display:grid;grid-template-columns:1fr;gap:0 12px;border-block-end:1px dashed #d1d5db;padding-block:8px}
.member:last-of-type{border-block-end:0}
.member-title{grid-column:1/-1;margin:0;font-weight:600;color:#374151}
@media (min-width:560px){.member{grid-template-columns:repeat(2,1fr)}}
button,.button{display:inline-block;font:inherit;font-weight:600;border:0;border-radius:8px;padding:11px 20px;min-height:44px;cursor:pointer;background:#0f5f57;color:#fff;text-decoration:none}
button.secondary{background:#e5e7eb;color:#111827}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-block-start:8px}
.honeypot{position:absolute;inset-inline-start:-10000px;inline-size:1px;block-size:1px;overflow:hidden}
.state{font-size:1.05rem;font-weight:600;color:#0f5f57}
.steps{list-style:none;margin:0;padding:0;counter-reset:step}
.steps li{counter-increment:step;padding-block:6px;padding-inline-start:38px;position:relative;color:#4b5563}
.steps li::before{content:counter(step);position:absolute;inset-inline-start:0;inset-block-start:6px;inline-size:26px;block-size:26px;border-radius:50%;background:#e5e7eb;color:#374151;text-align:center;line-height:26px;font-size:.85rem}
[lang=ar] .steps li::before{content:counter(step,arabic-indic)}
.steps li.done{color:#1f2937}
.steps li.done::before{background:#0f5f57;color:#fff;content:"✓"}
.steps li.current{color:#1f2937;font-weight:600}
.steps li.current::before{background:#f59e0b;color:#111827}
dl.data{display:grid;grid-template-columns:1fr;gap:2px 16px;margin:0}
@media (min-width:560px){dl.data{grid-template-columns:minmax(140px,max-content) 1fr}}
dl.data dt{font-weight:600;color:#374151}
dl.data dd{margin:0 0 8px}
table{border-collapse:collapse;inline-size:100%;font-size:.95rem}
th,td{border:1px solid #e5e7eb;padding:6px 8px;text-align:start}
.documents li{margin-block:0 10px}
.document-status{font-size:.9rem;margin-inline-start:6px}
.document-status.ok{color:#065f46}
.document-status.missing{color:#9f1239}
.upload{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin-block-start:4px}
.upload input[type=file]{max-inline-size:100%}
.upload label{font-weight:400;font-size:.9rem}
.needs-script{color:#4b5563;font-size:.9rem}
.statement{font-weight:600}
.checkbox{display:flex;gap:10px;align-items:flex-start}
.checkbox input{inline-size:22px;block-size:22px;margin-block-start:3px;flex:none}
footer.page-footer{color:#4b5563;font-size:.85rem;text-align:center;padding-block:20px}
`;
