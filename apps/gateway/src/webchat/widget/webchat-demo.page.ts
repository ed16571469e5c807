function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// /demo: a sample association page with the widget embedded, so a new install shows web chat working at once.
// Without a web-chat inbox it says how to create one, with commands that run as shown from the install folder.
export function webChatDemoPage(input: { inboxId?: string; locale: 'ar' | 'en'; organisationName: string; publicUrl: string }): string {
  const url = escapeHtml(input.publicUrl);
  const embed = input.inboxId
    ? `<section class="card"><h2>تواصل معنا</h2><p>اضغط زر «راسلنا» أسفل الصفحة للتحدث مع موظف علاقات المستفيدين دون تثبيت أي تطبيق.</p></section>
  <script src="/widget.js" data-inbox="${escapeHtml(input.inboxId)}" data-locale="${input.locale}"></script>`
    : `<section class="card"><h2>لا توجد قناة «محادثة الموقع» بعد</h2>
<p>أنشئ قناة محادثة الموقع بحساب المسؤول (بياناته في الملف <code dir="ltr">var/secrets.env</code>)، ثم أعد تحميل هذه الصفحة. من مجلد وصل:</p>
<pre dir="ltr">source &lt;(grep ^WASL_ADMIN var/secrets.env | sed 's/^/export /')
TOKEN=$(curl -s ${url}/api/v1/auth/login -H 'content-type: application/json' \\
  -d "{\\"email\\":\\"$WASL_ADMIN_EMAIL\\",\\"password\\":\\"$WASL_ADMIN_PASSWORD\\"}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
curl -s ${url}/api/v1/inboxes -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
  -d '{"channel":"webchat","name":"محادثة الموقع"}'</pre></section>`;
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.organisationName)} · صفحة تجريبية لمحادثة الموقع</title>
<style>
  body { margin: 0; font-family: system-ui, Tahoma, sans-serif; background: #f8fafc; color: #1f2937; line-height: 1.7; }
  header { background: #134e4a; color: #fff; padding: 28px 20px; }
  header h1 { margin: 0; font-size: 26px; }
  main { max-width: 860px; margin: 0 auto; padding: 20px; }
  .card { background: #fff; border-radius: 12px; padding: 16px 20px; margin: 16px 0; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  pre { white-space: pre-wrap; background: #f1f5f9; padding: 10px; border-radius: 8px; font-size: 13px; }
</style>
</head>
<body>
<header><h1>${escapeHtml(input.organisationName)}</h1><p>نخدم المستفيدين من حيث هم، وبأيسر الطرق.</p></header>
<main>
  <section class="card"><h2>خدماتنا</h2><p>استقبال طلبات الدعم (طلب دعم مستفيد)، ومتابعة المعاملات، والإجابة عن الاستفسارات عبر قنوات متعددة.</p></section>
  ${embed}
</main>
</body>
</html>`;
}
