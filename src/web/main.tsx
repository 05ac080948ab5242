import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { ThemedApp } from './app/themed-app';
import { initialLanguage } from './i18n/i18n';
import './i18n/i18n';

// The server puts a per-request nonce here; Mantine's style elements must carry it (strict CSP).
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
// The scroll lock of dialogs injects a style element through get-nonce.
setNonce(nonce);
document.documentElement.lang = initialLanguage();

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemedApp nonce={nonce}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemedApp>
  </StrictMode>,
);
