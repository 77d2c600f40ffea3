/**
 * Duplicate detection: does a new report describe a problem that is already open? Several
 * residents often report the same garbage pile or the same burst pipe; merging them saves a
 * department from being dispatched twice.
 *
 * The product spec's rules are gates, each of which must hold:
 *   - reported within 72 hours of each other;
 *   - same grid, or within 100 m when both reports have coordinates, or bordering grids
 *     (from the office's boundaries) with similar addresses: the same burst main reported
 *     on either side of the road two grids share;
 *   - same category or same major category (when either is unclassified, the text decides);
 *   - similar descriptions (cosine of the sets of Chinese character bigrams).
 * Past the gates, a score weighs place, category, text and time; see DUPLICATE_RULES.
 */
import { hanBigramSet } from './tokenize';

export interface DuplicateSubject {
  id: string;
  gridId: string;
  categoryId: string | null;
  majorCode: string | null;
  text: string;
  reportedAt: number;
  lat: number | null;
  lng: number | null;
  address?: string;
}

/** What the office's map says about two grids. */
export interface PlaceKnowledge {
  /** Do the grids share a border? From their boundaries; a grid without one falls back to its community. */
  bordering(gridA: string, gridB: string): boolean;
}

export interface DuplicateMatch {
  id: string;
  score: number;
  reasons: string[];
}

const HOUR_MS = 3_600_000;
const EARTH_RADIUS_M = 6_371_008.8;

export const DUPLICATE_RULES = {
  windowHours: 72,
  nearMeters: 100,
  /**
   * Minimum description similarity per category relation. Two residents rarely word the same
   * problem alike, so the same category needs little textual agreement; the looser the category
   * link, the more the text itself has to show it is the same problem.
   */
  minTextSimilarity: { sameCategory: 0.15, sameMajor: 0.25, unclassified: 0.3 },
  /** Place, category, text and time weights; when a category is missing its weight goes to text. */
  weights: { place: 0.25, category: 0.2, text: 0.4, time: 0.15 },
  /** Same grid is good evidence but a grid spans a few hundred metres: two reports 10 m apart are better. */
  sameGridPlaceScore: 0.8,
  /** Bordering grids count only with similar addresses, and less than the same grid. */
  borderingPlaceScore: 0.6,
  minAddressSimilarity: 0.4,
  /**
   * Below this score the pair is not shown. With the weights above, same grid + same category +
   * a few hours apart passes with modest text overlap (≈ 0.2), while unclassified or merely
   * related reports need clearly similar descriptions or a very close location.
   */
  minScore: 0.5,
} as const;

export function haversineMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRadians = Math.PI / 180;
  const halfDLat = Math.sin(((lat2 - lat1) * toRadians) / 2);
  const halfDLng = Math.sin(((lng2 - lng1) * toRadians) / 2);
  const h = halfDLat * halfDLat + Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * halfDLng * halfDLng;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Cosine similarity of the two texts' sets of Chinese character bigrams, 0..1. */
export function textSimilarity(a: string, b: string): number {
  const setA = hanBigramSet(a);
  const setB = hanBigramSet(b);
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const bigram of setA) if (setB.has(bigram)) shared += 1;
  return shared / Math.sqrt(setA.size * setB.size);
}

type CategoryRelation = keyof typeof DUPLICATE_RULES.minTextSimilarity;

function categoryRelation(a: DuplicateSubject, b: DuplicateSubject): CategoryRelation | null {
  if (a.categoryId === null || b.categoryId === null) return 'unclassified';
  if (a.categoryId === b.categoryId) return 'sameCategory';
  if (a.majorCode !== null && a.majorCode === b.majorCode) return 'sameMajor';
  return null;
}

function distanceMeters(a: DuplicateSubject, b: DuplicateSubject): number | null {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  return haversineMeters(a.lat, a.lng, b.lat, b.lng);
}

function describeDistance(meters: number): string {
  return meters < 10 ? '相距不到 10 米' : `相距约 ${Math.round(meters / 10) * 10} 米`;
}

function describeGap(hours: number): string {
  return hours < 1 ? '相隔不到 1 小时' : `相隔 ${Math.round(hours)} 小时`;
}

/** How likely a and b report the same problem, 0..1 with reasons in Chinese; null when not a candidate. */
export function duplicateScore(a: DuplicateSubject, b: DuplicateSubject, knowledge?: PlaceKnowledge): { score: number; reasons: string[] } | null {
  const rules = DUPLICATE_RULES;
  const gapHours = Math.abs(a.reportedAt - b.reportedAt) / HOUR_MS;
  if (!(gapHours <= rules.windowHours)) return null;

  const sameGrid = a.gridId === b.gridId;
  const meters = distanceMeters(a, b);
  const near = meters !== null && meters <= rules.nearMeters;
  const addressSimilarity = !sameGrid && !near && a.address && b.address && knowledge?.bordering(a.gridId, b.gridId) ? textSimilarity(a.address, b.address) : 0;
  const bordering = addressSimilarity >= rules.minAddressSimilarity;
  if (!sameGrid && !near && !bordering) return null;

  const relation = categoryRelation(a, b);
  if (relation === null) return null;

  const similarity = textSimilarity(a.text, b.text);
  if (similarity < rules.minTextSimilarity[relation]) return null;

  // Linear in distance: 1 at the same spot, 0.5 at the 100 m limit.
  const nearScore = near ? 1 - (0.5 * meters) / rules.nearMeters : 0;
  const placeScore = Math.max(sameGrid ? rules.sameGridPlaceScore : 0, bordering ? rules.borderingPlaceScore : 0, nearScore);
  const categoryScore = relation === 'sameCategory' ? 1 : relation === 'sameMajor' ? 0.5 : 0;
  const { place, category, text, time } = rules.weights;
  const textWeight = relation === 'unclassified' ? text + category : text;
  const raw = place * placeScore + category * categoryScore + textWeight * similarity + time * (1 - gapHours / rules.windowHours);
  const score = Math.round(raw * 1000) / 1000;
  if (score < rules.minScore) return null;

  const reasons: string[] = [];
  if (sameGrid) reasons.push('同一网格');
  if (bordering) reasons.push('相邻网格', `地址相似度 ${Math.round(addressSimilarity * 100)}%`);
  if (meters !== null && (near || sameGrid)) reasons.push(describeDistance(meters));
  if (relation === 'sameCategory') reasons.push('同一事项类别');
  if (relation === 'sameMajor') reasons.push('同属一个大类');
  reasons.push(`描述相似度 ${Math.round(similarity * 100)}%`);
  reasons.push(describeGap(gapHours));
  return { score, reasons };
}

/** The best-scoring candidates other than the subject itself, highest score first. */
export function findDuplicates(subject: DuplicateSubject, candidates: readonly DuplicateSubject[], limit = 5, place?: PlaceKnowledge): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const candidate of candidates) {
    if (candidate.id === subject.id) continue;
    const result = duplicateScore(subject, candidate, place);
    if (result) matches.push({ id: candidate.id, ...result });
  }
  return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, Math.max(0, limit));
}
