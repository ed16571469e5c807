import { webChatDemoPage } from './webchat-demo.page';

describe(webChatDemoPage.name, () => {
  const base = { locale: 'ar' as const, organisationName: 'جمعية البر', publicUrl: 'http://localhost:3000' };

  it('should embed the widget and invite the visitor to its button when an inbox exists', () => {
    const page = webChatDemoPage({ ...base, inboxId: '6f1c1d3e-8a77-4c3a-9d51-0d0f3b3e2a10' });
    expect(page).toContain('data-inbox="6f1c1d3e-8a77-4c3a-9d51-0d0f3b3e2a10"');
    expect(page).toContain('«راسلنا»');
  });

  it('should give commands that run as shown, and mention no button, before any web-chat inbox exists', () => {
    const page = webChatDemoPage(base);
    expect(page).not.toContain('widget.js');
    expect(page).not.toContain('«راسلنا»');
    expect(page).not.toContain('$URL');
    expect(page).toContain('curl -s http://localhost:3000/api/v1/auth/login');
    expect(page).toContain('curl -s http://localhost:3000/api/v1/inboxes -H "authorization: Bearer $TOKEN"');
    expect(page).toContain('var/secrets.env');
  });
});
