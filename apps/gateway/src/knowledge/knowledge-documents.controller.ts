import { ALL_ROLES, AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import {
  CreateKnowledgeArticleDto,
  KnowledgeDocumentsService,
  KnowledgeSearchService,
  MAX_UPLOAD_BYTES,
  SearchKnowledgeQuery,
  UpdateKnowledgeDocumentDto,
  UploadKnowledgeDocumentQuery,
} from '@app/knowledge';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import {
  KnowledgeDocumentDetailResponse,
  KnowledgeDocumentResponse,
  KnowledgePassageListResponse,
  KnowledgeSearchResponse,
} from './knowledge-response.dto';
import { readUploadBody, uploadFileName } from '../http/upload-body.util';

// The knowledge base: administrators upload and write; every member of staff browses and searches what is open to
// their role. Policy texts hold no beneficiary's data, so reads are not audited.
@ApiTags('knowledge')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/knowledge')
export class KnowledgeDocumentsController {
  constructor(
    private readonly documents: KnowledgeDocumentsService,
    private readonly knowledgeSearch: KnowledgeSearchService,
  ) {}

  @Roles(...ALL_ROLES)
  @Get('search')
  @ApiOkResponse({ type: KnowledgeSearchResponse })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: SearchKnowledgeQuery) {
    return this.knowledgeSearch.search(user, query);
  }

  @Roles(...ALL_ROLES)
  @Get('documents')
  @ApiOkResponse({ type: [KnowledgeDocumentResponse] })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.documents.list(user);
  }

  // The file itself in the body (application/octet-stream), its name in X-File-Name, the rest in the query.
  @Post('documents')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: `PDF, Word (.docx), Markdown or text, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
  })
  @ApiHeader({ name: 'x-file-name', description: 'The file name, percent-encoded (اللائحة.pdf)', required: true })
  @ApiCreatedResponse({ type: KnowledgeDocumentResponse })
  async upload(@CurrentUser() user: AuthenticatedUser, @Query() query: UploadKnowledgeDocumentQuery, @Req() request: FastifyRequest) {
    const content = await readUploadBody(request, MAX_UPLOAD_BYTES);
    return this.documents.upload(user, { ...query, fileName: uploadFileName(request.headers['x-file-name']), content });
  }

  @Post('articles')
  @ApiCreatedResponse({ type: KnowledgeDocumentResponse })
  createArticle(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateKnowledgeArticleDto) {
    return this.documents.createArticle(user, body);
  }

  @Roles(...ALL_ROLES)
  @Get('documents/:id')
  @ApiOkResponse({ type: KnowledgeDocumentDetailResponse })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Document')) id: string) {
    return this.documents.get(user, id);
  }

  @Roles(...ALL_ROLES)
  @Get('documents/:id/passages')
  @ApiOkResponse({ type: KnowledgePassageListResponse })
  passages(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Document')) id: string) {
    return this.documents.listPassages(user, id);
  }

  @Roles(...ALL_ROLES)
  @Get('documents/:id/file')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async file(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Document')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.documents.file(user, id);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    // An uploaded file is never run or framed by a browser, whatever it holds.
    reply.header('content-security-policy', "default-src 'none'; sandbox");
    return file.content;
  }

  @Patch('documents/:id')
  @ApiOkResponse({ type: KnowledgeDocumentResponse })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Document')) id: string,
    @Body() body: UpdateKnowledgeDocumentDto,
  ) {
    return this.documents.update(user, id, body);
  }

  @Post('documents/:id/reread')
  @HttpCode(200)
  @ApiOkResponse({ type: KnowledgeDocumentResponse })
  reread(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Document')) id: string) {
    return this.documents.reread(user, id);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Document')) id: string): Promise<void> {
    await this.documents.remove(user, id);
  }
}
