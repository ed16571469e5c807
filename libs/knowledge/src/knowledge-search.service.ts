import { containsPattern, foldForSearch } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ExtractionStatus, KnowledgeDocument, KnowledgeKind } from './entities/knowledge-document.entity';
import { KnowledgePassage } from './entities/knowledge-passage.entity';
import { whereReadableBy } from './knowledge-documents.service';
import { SearchKnowledgeQuery } from './knowledge.dto';

export type PassageMatch = 'phrase' | 'all_words' | 'some_words';

export interface KnowledgeSearchHit {
  passageId: string;
  documentId: string;
  documentTitle: string;
  documentKind: KnowledgeKind;
  heading: string | null;
  page: number | null;
  position: number;
  text: string;
  match: PassageMatch;
}

// Little words that would match nearly every passage; they count in the phrase, not as words of their own.
const STOP_WORDS = new Set([
  'في',
  'من',
  'علي',
  'الي',
  'عن',
  'مع',
  'او',
  'ان',
  'ما',
  'لا',
  'و',
  'ثم',
  'هذا',
  'هذه',
  'التي',
  'الذي',
  'كل',
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
]);
const MAX_WORDS = 8;

// The words of a folded term: at most eight, two letters or more, without the little words unless there is nothing
// else.
export function searchWords(term: string): string[] {
  const words = [
    ...new Set(
      foldForSearch(term)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => [...word].length >= 2),
    ),
  ];
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_WORDS);
}

// Search over passages with the same Arabic-forgiving fold as conversations (foldForSearch, the database's
// wasl_search_fold and a stored fold column). Ranked: the whole phrase first, then passages with all the words,
// then those with more of them. A knowledge base holds thousands of passages, not millions: a scan of the
// organisation's stored folds is fast enough without a trigram index.
@Injectable()
export class KnowledgeSearchService {
  constructor(@InjectRepository(KnowledgePassage) private readonly passages: Repository<KnowledgePassage>) {}

  async search(user: AuthenticatedUser, query: SearchKnowledgeQuery): Promise<{ items: KnowledgeSearchHit[] }> {
    const phrase = foldForSearch(query.q).replace(/\s+/gu, ' ').trim();
    const words = searchWords(query.q);
    if (!phrase || words.length === 0) return { items: [] };
    const parameters: Record<string, string> = { phrase: containsPattern(phrase) };
    words.forEach((word, index) => (parameters[`word${index}`] = containsPattern(word)));
    const like = (name: string) => `passage.searchText LIKE :${name} ESCAPE '\\'`;
    const wordCount = words.map((_, index) => `(CASE WHEN ${like(`word${index}`)} THEN 1 ELSE 0 END)`).join(' + ');

    const builder = this.passages
      .createQueryBuilder('passage')
      .innerJoin(KnowledgeDocument, 'document', 'document.id = passage.documentId AND document.organisationId = passage.organisationId')
      .select('passage.id', 'passageId')
      .addSelect('passage.documentId', 'documentId')
      .addSelect('document.title', 'documentTitle')
      .addSelect('document.kind', 'documentKind')
      .addSelect('passage.heading', 'heading')
      .addSelect('passage.page', 'page')
      .addSelect('passage.position', 'position')
      .addSelect('passage.text', 'text')
      .addSelect(`(CASE WHEN ${like('phrase')} THEN 1 ELSE 0 END)`, 'phraseMatch')
      .addSelect(`(${wordCount})`, 'wordsMatched')
      .where('passage.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere('document.status = :ready', { ready: ExtractionStatus.Ready })
      .andWhere(`(${words.map((_, index) => like(`word${index}`)).join(' OR ')})`)
      .setParameters(parameters);
    whereReadableBy(builder, 'document', user);
    if (query.kind) builder.andWhere('document.kind = :kind', { kind: query.kind });
    const rows: Array<Omit<KnowledgeSearchHit, 'match'> & { phraseMatch: number | string; wordsMatched: number | string }> = await builder
      .orderBy('"phraseMatch"', 'DESC')
      .addOrderBy('"wordsMatched"', 'DESC')
      .addOrderBy('document.title', 'ASC')
      .addOrderBy('passage.position', 'ASC')
      .limit(query.limit ?? 10)
      .getRawMany();
    return {
      items: rows.map(({ phraseMatch, wordsMatched, ...hit }) => ({
        ...hit,
        page: hit.page === null ? null : Number(hit.page),
        position: Number(hit.position),
        match:
          Number(phraseMatch) === 1 && phrase.includes(' ') ? 'phrase' : Number(wordsMatched) === words.length ? 'all_words' : 'some_words',
      })),
    };
  }
}
