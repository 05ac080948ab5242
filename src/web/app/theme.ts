import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm industrial blue; shades 7–9 meet WCAG AA contrast on white.
const werkblau: MantineColorsTuple = ['#e8f1fb', '#d0e1f4', '#a2c2e9', '#6f9fdc', '#4683d2', '#2d71cc', '#1f67c9', '#1c5d99', '#124a80', '#083b69'];

/** The theme; labels of icon-only buttons (close, clear) follow the UI language. */
export const makeTheme = (labels: { close: string; clear: string }) =>
  createTheme({
    primaryColor: 'werkblau',
    primaryShade: 7,
    colors: { werkblau },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      Button: { defaultProps: { size: 'md' } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Select: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
    },
  });

/** Mantine's default dimmed grey and error red are below WCAG AA contrast on light backgrounds; darken them. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#6c757d', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
