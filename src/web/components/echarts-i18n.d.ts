// echarts' German locale as its package exports it (a UMD file without own type declarations).
declare module 'echarts/i18n/langDE-obj.js' {
  const locale: Record<string, unknown>;
  export = locale;
}
