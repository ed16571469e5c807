import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addWebhookPaths } from '../webhooks/webhook-openapi.util';

// One builder for the served document (/docs) and the committed copy the web app's client is generated from.
export function buildOpenApiDocument(app: INestApplication, serverUrl: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Wasl (وصل) API')
      .setDescription('Staff API, provider webhooks and health of the Wasl gateway.')
      .setVersion('1')
      .addServer(serverUrl)
      .addBearerAuth()
      .build(),
  );
  return addWebhookPaths(document);
}
