function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// /demo: a sample association page with the widget embedded, so a new install shows web chat working at once.
export function webChatDemoPage(input: { inboxId?: string; locale: 'ar' | 'en'; organisationName: string }): string {
  const embed = input.inboxId
    ? `<script src="/widget.js" data-inbox="${escapeHtml(input.inboxId)}" data-locale="${input.locale}"></script>`
    : `<section class="card"><h2>لا توجد قناة محادثة بعد</h2><p>أنشئ قناة محادثة الموقع ثم أعد تحميل هذه الصفحة:</p>
<pre dir="ltr">curl -X POST $URL/api/v1/inboxes -H "authorization: Bearer $TOKEN" -H "content-type: application/json" \\
  -d '{"channel":"webchat","name":"محادثة الموقع","settings":{"allowedOrigins":["https://www.example.org"]}}'</pre></section>`;
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
  <section class="card"><h2>تواصل معنا</h2><p>اضغط زر «راسلنا» أسفل الصفحة للتحدث مع موظف علاقات المستفيدين دون تثبيت أي تطبيق.</p></section>
  ${embed}
</main>
</body>
</html>`;
}
