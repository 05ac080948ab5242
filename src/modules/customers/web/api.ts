import { useQuery } from '@tanstack/react-query';
import { get } from '../../../web/api/client';

export const customersPath = (companyId: string) => `/companies/${companyId}`;

export interface CustomerSummary {
  id: string;
  number: string;
  name: string;
  vatId: string | null;
  industryCode: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  paymentTermsDays: number | null;
  salesOwnerId: string | null;
  aliases: string[];
  mergedInto: string | null;
}

export interface ConsentState {
  channel: string;
  purpose: string;
  state: 'not-asked' | 'given' | 'declined' | 'withdrawn';
  declaredAt: string | null;
  source: string | null;
}

export interface ContactDetail {
  id: string;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  erased: boolean;
  consents: ConsentState[];
}

export interface CustomerDetail extends CustomerSummary {
  contacts: ContactDetail[];
  merges: Array<{ id: string; absorbedId: string; absorbedNumber: string; absorbedName: string; mergedAt: string }>;
}

export interface Interaction {
  id: string;
  contactId: string | null;
  kind: 'call' | 'visit' | 'email' | 'note';
  occurredAt: string;
  userName: string | null;
  subject: string;
  body: string;
}

export interface DuplicateCandidate {
  id: string;
  number: string;
  name: string;
  city: string | null;
  score: number;
  level: 'likely' | 'possible';
  reasons: Array<{ code: string; points: number; detail?: string | number }>;
}

export interface MergePlan {
  survivor: { id: string; number: string; name: string };
  absorbed: { id: string; number: string; name: string };
  fields: Array<{ field: string; survivor: string | number | null; absorbed: string | number | null; chosen: 'survivor' | 'absorbed'; result: string | number | null }>;
  moves: { contacts: number; interactions: number };
}

export interface ListParams {
  q: string;
  country: string;
  sort: 'name' | 'number' | 'city' | 'createdAt';
  dir: 'asc' | 'desc';
  page: number;
}

export const PAGE_SIZE = 25;

export const customerKeys = {
  all: (companyId: string) => ['customers', companyId],
  list: (companyId: string, p: ListParams) => ['customers', companyId, 'list', p],
  detail: (companyId: string, id: string) => ['customers', companyId, 'customer', id],
  timeline: (companyId: string, id: string) => ['customers', companyId, 'timeline', id],
};

export function useCustomerList(companyId: string, p: ListParams) {
  const search = new URLSearchParams({ sort: p.sort, dir: p.dir, limit: String(PAGE_SIZE), offset: String((p.page - 1) * PAGE_SIZE) });
  if (p.q.trim()) search.set('q', p.q.trim());
  if (p.country) search.set('country', p.country);
  return useQuery({
    queryKey: customerKeys.list(companyId, p),
    queryFn: () => get<{ items: CustomerSummary[]; total: number }>(`${customersPath(companyId)}/customers?${search}`),
    placeholderData: (previous) => previous,
  });
}

export function useCustomer(companyId: string, id: string) {
  return useQuery({ queryKey: customerKeys.detail(companyId, id), queryFn: () => get<CustomerDetail>(`${customersPath(companyId)}/customers/${id}`) });
}

export function useTimeline(companyId: string, id: string) {
  return useQuery({ queryKey: customerKeys.timeline(companyId, id), queryFn: () => get<Interaction[]>(`${customersPath(companyId)}/customers/${id}/interactions`) });
}
