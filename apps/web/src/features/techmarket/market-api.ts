import type {
  TAchievement,
  TAchievementInput,
  TAgency,
  TAgencyFigures,
  TBroker,
  TListing,
  TListingInput,
  TMarketEvent,
  TMarketEventInput,
  TMarketFunnelReport,
  TMarketMatches,
  TMarketPair,
  TPublicSearchPage,
  TStatsCube,
} from '@kechuang/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api.ts';
import type { Page } from './techmarket-api.ts';

/*
 * The market beyond registration: 科技成果, 四张清单 with the public search, matches, 对接会 and their funnel,
 * 技术转移机构 and 技术经理人. Cached under ['techmarket', …] so a change anywhere in the module refreshes it
 * (useTechmarketMutation).
 */

const base = '/api/techmarket';

export interface MarketEventDetail {
  event: TMarketEvent;
  participants: { id: number; orgId: number | null; name: string; role: string }[];
  pairs: TMarketPair[];
}

const get =
  <T>(path: string, query?: Record<string, QueryValue>) =>
  () =>
    api.get<T>(path, query ? { query } : undefined);

export function useAchievements(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['techmarket', 'achievements', query],
    queryFn: get<Page<TAchievement>>(`${base}/achievements`, query),
    placeholderData: keepPreviousData,
  });
}

export function useListings(query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['techmarket', 'listings', query],
    queryFn: get<Page<TListing>>(`${base}/listings`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMatches(listingId: number | undefined) {
  return useQuery({
    queryKey: ['techmarket', 'matches', listingId],
    queryFn: get<TMarketMatches>(`${base}/listings/${listingId}/matches`, { limit: 10 }),
    enabled: listingId !== undefined,
  });
}

export function useEvents(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['techmarket', 'events', query],
    queryFn: get<Page<TMarketEvent>>(`${base}/events`, query),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: number | undefined) {
  return useQuery({
    queryKey: ['techmarket', 'event', id],
    queryFn: get<MarketEventDetail>(`${base}/events/${id}`),
    enabled: id !== undefined,
  });
}

export function useFunnel(year: number, region: string | undefined) {
  return useQuery({
    queryKey: ['techmarket', 'funnel', year, region],
    queryFn: get<TMarketFunnelReport>(`${base}/funnel`, { year, region }),
    placeholderData: keepPreviousData,
  });
}

export function useAgencies() {
  return useQuery({ queryKey: ['techmarket', 'agencies'], queryFn: get<TAgency[]>(`${base}/agencies`) });
}

export function useBrokers(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['techmarket', 'brokers', query],
    queryFn: get<Page<TBroker>>(`${base}/brokers`, query),
    placeholderData: keepPreviousData,
  });
}

export function useAgencyFigures(year: number, region: string | undefined) {
  return useQuery({
    queryKey: ['techmarket', 'agency-figures', year, region],
    queryFn: get<TAgencyFigures>(`${base}/agency-figures`, { year, region }),
    placeholderData: keepPreviousData,
  });
}

/** The public search: no session needed (quiet: a visitor is never sent to the sign-in page). */
export function usePublicSearch(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['public-market', query],
    queryFn: () => api.get<TPublicSearchPage>('/api/public/market/listings', { query, quiet: true }),
    placeholderData: keepPreviousData,
  });
}

type Versioned = { id: number; version: number };

export const achievementApi = {
  create: (input: TAchievementInput) => api.post<TAchievement>(`${base}/achievements`, input),
  update: (a: Versioned, input: TAchievementInput) =>
    api.put<TAchievement>(`${base}/achievements/${a.id}`, { ...input, version: a.version }),
  submit: (a: Versioned) => api.post<TAchievement>(`${base}/achievements/${a.id}/submit`, { version: a.version }),
  register: (a: Versioned) => api.post<TAchievement>(`${base}/achievements/${a.id}/register`, { version: a.version }),
  return: (a: Versioned, note: string) => api.post<TAchievement>(`${base}/achievements/${a.id}/return`, { version: a.version, note }),
};

export const listingApi = {
  create: (input: TListingInput) => api.post<TListing>(`${base}/listings`, input),
  update: (l: Versioned, input: TListingInput) => api.put<TListing>(`${base}/listings/${l.id}`, { ...input, version: l.version }),
  submit: (l: Versioned) => api.post<TListing>(`${base}/listings/${l.id}/submit`, { version: l.version }),
  publish: (l: Versioned) => api.post<TListing>(`${base}/listings/${l.id}/publish`, { version: l.version }),
  return: (l: Versioned, note: string) => api.post<TListing>(`${base}/listings/${l.id}/return`, { version: l.version, note }),
  withdraw: (l: Versioned) => api.post<TListing>(`${base}/listings/${l.id}/withdraw`, { version: l.version }),
};

export const eventApi = {
  create: (input: TMarketEventInput) => api.post<TMarketEvent>(`${base}/events`, input),
  addParticipant: (eventId: number, input: { orgId: number | null; name?: string; role: string }) =>
    api.post<unknown>(`${base}/events/${eventId}/participants`, input),
  addPair: (eventId: number, input: { demandListingId: number; supplyListingId: number | null; supplierName?: string; note: string }) =>
    api.post<TMarketPair>(`${base}/events/${eventId}/pairs`, input),
  intention: (p: Versioned, input: { signedOn: string; amountFen: number | null; note: string }) =>
    api.post<TMarketPair>(`${base}/event-pairs/${p.id}/intention`, { version: p.version, ...input }),
  drop: (p: Versioned) => api.post<TMarketPair>(`${base}/event-pairs/${p.id}/drop`, { version: p.version }),
  contract: (p: Versioned, contractId: number) =>
    api.post<TMarketPair>(`${base}/event-pairs/${p.id}/contract`, { version: p.version, contractId }),
};

export const brokerApi = {
  createAgency: (input: { orgId: number; level: string; recognisedOn: string | null; services: string }) =>
    api.post<TAgency>(`${base}/agencies`, input),
  create: (input: {
    person: { name: string; title?: string | null; phone?: string | null };
    agencyId: number | null;
    regionCode: string;
  }) => api.post<TBroker>(`${base}/brokers`, input),
  training: (b: Pick<TBroker, 'id'>, input: { course: string; provider: string; hours: number; completedOn: string }) =>
    api.post<TBroker>(`${base}/brokers/${b.id}/trainings`, input),
  certificate: (
    b: Pick<TBroker, 'id'>,
    input: { certificateNo: string; level: string; issuedBy: string; issuedOn: string; validUntil: string | null },
  ) => api.post<TBroker>(`${base}/brokers/${b.id}/certificates`, input),
};

export interface RulePackSwitch {
  id: string;
  name: string;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  enabledByDefault: boolean;
  enabled: boolean;
  switchedBy: string | null;
}

export function useRulePacks() {
  return useQuery({ queryKey: ['techmarket', 'rule-packs'], queryFn: get<RulePackSwitch[]>(`${base}/rule-packs`) });
}

export function useStatsCube(query: { region: string; year: number; direction: 'output' | 'absorption' }, enabled: boolean) {
  return useQuery({
    queryKey: ['techmarket', 'cube', query],
    queryFn: get<TStatsCube>(`${base}/stats/cube`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const packApi = {
  switch: (packId: string, enabled: boolean) => api.put<RulePackSwitch[]>(`${base}/rule-packs/${encodeURIComponent(packId)}`, { enabled }),
};

export const contractBrokerApi = {
  set: (contractId: number, input: { agencyId: number | null; brokerId: number | null; feeFen: number | null }) =>
    api.put<{ agencyName: string | null; brokerName: string | null; feeFen: number | null }>(
      `${base}/contracts/${contractId}/broker`,
      input,
    ),
};
