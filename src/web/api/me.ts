import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './client';

export type Role = 'owner' | 'admin' | 'member' | 'shopfloor' | 'viewer' | 'advisor';
export type Localized = { de: string; en: string };

export interface MeCompany {
  id: string;
  name: string;
  role: Role;
  permissions: string[];
  modules: Array<{ id: string; enabled: boolean; name: Localized }>;
  navigation: Array<{ moduleId: string; path: string; label: Localized }>;
  /** The company requires a second factor of everyone signing in with a password. */
  requireTotp?: boolean;
}

export interface Me {
  user: { id: string; name: string; email: string | null; locale: 'de' | 'en'; totpEnabled?: boolean };
  csrfToken: string;
  companies: MeCompany[];
  /** Set when signed in with a PIN on a terminal: the session reaches only that terminal's company. */
  /** A PIN session's terminal, with what modules add to it (e.g. the shop floor's `workCentreId`). */
  terminal?: { id: string; name: string; [detail: string]: unknown };
}

export const ME_KEY = ['me'];

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await get<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}
