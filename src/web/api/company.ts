import { useQuery } from '@tanstack/react-query';
import { get } from './client';

export interface CompanyProfile {
  employees?: number;
  industry?: string;
  valueChain?: string;
  series?: string;
  complexity?: string;
  state?: string;
  region?: string;
}

export interface CompanyDetails {
  id: string;
  name: string;
  profile: CompanyProfile;
  sizeClass: string | null;
}

export const companyKey = (id: string) => ['company', id];

export function useCompanyDetails(companyId: string) {
  return useQuery({ queryKey: companyKey(companyId), queryFn: () => get<CompanyDetails>(`/companies/${companyId}`) });
}
